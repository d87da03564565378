import CFConfig
import CFModels
@testable import CFTraining
import XCTest

/// Each optimiser's single step against values worked out by hand from its update rule.
final class OptimizerTests: XCTestCase {
    func testSGDMomentumAccumulatesVelocity() {
        let parameter = table()
        let sgd = SGD(config: optimizerConfig(.sgd, learningRate: 0.1), parameters: [parameter])
        sgd.step(parameters: [parameter], learningRate: 0.1, beta1: 0.9)
        // v = g = (0.5, -1); w = (3, 4) - 0.1·v
        assertValues(parameter.values, [1, 2, 2.95, 4.1, 5, 6])
        // same gradient again: v = 0.9·(0.5, -1) + (0.5, -1) = (0.95, -1.9)
        sgd.step(parameters: [parameter], learningRate: 0.1, beta1: 0.9)
        assertValues(parameter.values, [1, 2, 2.855, 4.29, 5, 6])
    }

    func testSGDLazyLeavesUntouchedRowsDenseDecaysThem() {
        for (dense, expectedRow0) in [(false, [1.0, 2.0]), (true, [0.99, 1.98])] {
            let parameter = table()
            let config = optimizerConfig(.sgd, learningRate: 0.1, weightDecay: 0.1, mode: .decoupled, dense: dense)
            SGD(config: config, parameters: [parameter]).step(parameters: [parameter], learningRate: 0.1, beta1: 0)
            // row 0 has no gradient: lazy keeps it, dense shrinks it by 1 - lr·wd = 0.99
            assertValues(Array(parameter.values[0..<2]), expectedRow0)
            // row 1: w·0.99 - 0.1·g
            assertValues(Array(parameter.values[2..<4]), [3 * 0.99 - 0.05, 4 * 0.99 + 0.1])
        }
    }

    func testAdagradAccumulatesSquaredGradients() {
        let parameter = table()
        var config = optimizerConfig(.adagrad, learningRate: 0.1)
        config.epsilon = 1e-10
        let adagrad = Adagrad(config: config, parameters: [parameter])
        adagrad.step(parameters: [parameter], learningRate: 0.1, beta1: 0)
        // s = 0.25, w = 3 - 0.1·0.5/0.5 = 2.9; s = 1, w = 4 + 0.1·1/1 = 4.1
        assertValues(parameter.values, [1, 2, 2.9, 4.1, 5, 6])
        adagrad.step(parameters: [parameter], learningRate: 0.1, beta1: 0)
        // s = 0.5, w = 2.9 - 0.1·0.5/√0.5
        XCTAssertEqual(Double(parameter.values[2]), 2.8292893218813453, accuracy: 1e-6)
    }

    func testAdamFirstStepMovesByLearningRate() {
        let parameter = table()
        let adam = Adam(config: optimizerConfig(.adam, learningRate: 0.01), parameters: [parameter])
        adam.step(parameters: [parameter], learningRate: 0.01, beta1: 0.9)
        // bias-corrected m̂/√v̂ = sign(g) on the first step, so w moves by lr
        assertValues(parameter.values, [1, 2, 2.99, 4.01, 5, 6])
        XCTAssertEqual(adam.parameterStepCounts, [1])
    }

    func testAdamDenseMovesZeroGradientRowsByTheirMomentsLazyDoesNot() {
        for dense in [false, true] {
            let parameter = table()
            let adam = Adam(config: optimizerConfig(.adam, learningRate: 0.01, dense: dense), parameters: [parameter])
            adam.step(parameters: [parameter], learningRate: 0.01, beta1: 0.9)
            parameter.zeroGradient()
            setGradient(parameter, row: 0, [0, 0])
            adam.step(parameters: [parameter], learningRate: 0.01, beta1: 0.9)
            // t = 2, m = 0.045, v = 0.00024975: w = 2.99 - (0.01/0.19)·m/(√v/√0.001999 + ε)
            XCTAssertEqual(Double(parameter.values[2]), dense ? 2.983299417848203 : 2.99, accuracy: 1e-6)
            XCTAssertEqual(adam.parameterStepCounts, [2])
        }
    }

    func testAdamL2AndDecoupledDifferOnAnUntouchedDenseRow() {
        // l2: g = wd·w = 0.1 → the first Adam step moves w by lr: 1 → 0.99.
        // decoupled: w·(1 - lr·wd) = 0.999 and the zero gradient moves nothing.
        for (mode, expected) in [(OptimizerConfig.WeightDecayMode.l2, [0.99, 1.99]), (.decoupled, [0.999, 1.998])] {
            let parameter = table()
            let config = optimizerConfig(.adam, learningRate: 0.01, weightDecay: 0.1, mode: mode, dense: true)
            Adam(config: config, parameters: [parameter]).step(parameters: [parameter], learningRate: 0.01, beta1: 0.9)
            assertValues(Array(parameter.values[0..<2]), expected)
        }
    }

    func testAdamWIsAlwaysDecoupled() {
        let parameter = table()
        let config = optimizerConfig(.adamw, learningRate: 0.01, weightDecay: 0.1, mode: .l2)
        let adamW = OptimizerFactory.make(config: config, parameters: [parameter])
        XCTAssertTrue(adamW is AdamW)
        adamW.step(parameters: [parameter], learningRate: 0.01, beta1: 0.9)
        // touched row: 3·(1 - 0.001) - 0.01 and 4·0.999 + 0.01; untouched rows stay (lazy)
        assertValues(parameter.values, [1, 2, 2.987, 4.006, 5, 6])
    }

    func testLazyModeStillUpdatesDenseParametersFully() {
        let bias = Parameter(name: "bias", shape: [2], values: [1, 2], rowSparse: false)
        bias.gradient[1] = 0.5
        let config = optimizerConfig(.adam, learningRate: 0.01, weightDecay: 0.1, mode: .decoupled)
        Adam(config: config, parameters: [bias]).step(parameters: [bias], learningRate: 0.01, beta1: 0.9)
        assertValues(bias.values, [0.999, 2 * 0.999 - 0.01])
    }

    func testLazyAdamCountsOnlyStepsThatTouchAParameter() {
        let touched = table()
        let idle = Parameter(name: "idle", shape: [2, 1], values: [1, 1], rowSparse: true)
        let adam = Adam(config: optimizerConfig(.adam, learningRate: 0.01), parameters: [touched, idle])
        adam.step(parameters: [touched, idle], learningRate: 0.01, beta1: 0.9)
        XCTAssertEqual(adam.parameterStepCounts, [1, 0])
        assertValues(idle.values, [1, 1])
    }
}
