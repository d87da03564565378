import CFConfig
import CFCore
import CFModels
@testable import CFTraining
import CKernels
import XCTest

/// Semantics 4: the optimiser updates count subnormal inputs and results as zero, for the
/// call only; semantics 3 keeps IEEE subnormals. A weight near 1e-37 shows the difference:
/// an update of about 1e-39 (subnormal) moves it under IEEE and leaves it under flushing.
final class SubnormalFlushTests: XCTestCase {
    /// A row-sparse table of `width` weights `value` in one touched row, with gradient `gradient`.
    func row(width: Int, value: Float, gradient: Float) -> Parameter {
        let parameter = Parameter(name: "t", shape: [1, width], values: [Float](repeating: value, count: width), rowSparse: true)
        for offset in 0..<width { parameter.gradient[offset] = gradient }
        parameter.touch(0)
        return parameter
    }

    /// A subnormal product computed at run time (the compiler cannot fold it): the thread's
    /// own mode, after a kernel call, must still give subnormals.
    func runtimeSubnormal(_ scale: Float) -> Float { Float.leastNormalMagnitude * scale }

    /// x86-64 and arm64 flush; elsewhere the kernels keep IEEE subnormals either way.
    let flushes = cf_kernel_flushes_subnormals() == 1

    func testSGDFlushesASubnormalStepUnderSemanticsFourOnly() {
        for width in [1, 5, 8, 13] {
            for dense in [false, true] {
                let config = optimizerConfig(.sgd, learningRate: 0.1, dense: dense)
                let weight: Float = 1e-37, gradient: Float = 1e-38   // lr·g = 1e-39: subnormal
                let flushed = row(width: width, value: weight, gradient: gradient)
                SGD(config: config, parameters: [flushed], flushesSubnormals: true)
                    .step(parameters: [flushed], learningRate: 0.1, beta1: 0)
                let moved = weight - Float(0.1) * gradient
                XCTAssertEqual(flushed.values, [Float](repeating: flushes ? weight : moved, count: width), "width \(width) dense \(dense)")
                let ieee = row(width: width, value: weight, gradient: gradient)
                SGD(config: config, parameters: [ieee], flushesSubnormals: false)
                    .step(parameters: [ieee], learningRate: 0.1, beta1: 0)
                XCTAssertEqual(ieee.values, [Float](repeating: moved, count: width), "width \(width) dense \(dense)")
                XCTAssertNotEqual(ieee.values[0], weight)
                XCTAssertGreaterThan(runtimeSubnormal(0.25), 0, "the calling thread's mode is restored after the call")
            }
        }
    }

    func testAdamFlushesASubnormalMomentUnderSemanticsFourOnly() {
        for width in [1, 3, 8, 13] {
            for dense in [false, true] {
                var config = optimizerConfig(.adam, learningRate: 1e-3, dense: dense)
                config.epsilon = 1e-30
                // m = (1 − β₁)·g = 1e-39 is subnormal; m/(√v·c + ε) ≈ 1e-9 then moves the weight under IEEE.
                let weight: Float = 1e-37, gradient: Float = 1e-38
                let flushed = row(width: width, value: weight, gradient: gradient)
                Adam(config: config, parameters: [flushed], flushesSubnormals: true).step(parameters: [flushed], learningRate: 1e-3, beta1: 0.9)
                XCTAssertEqual(flushed.values.allSatisfy { $0 == weight }, flushes, "width \(width) dense \(dense): \(flushed.values)")
                let ieee = row(width: width, value: weight, gradient: gradient)
                Adam(config: config, parameters: [ieee], flushesSubnormals: false).step(parameters: [ieee], learningRate: 1e-3, beta1: 0.9)
                XCTAssertTrue(ieee.values.allSatisfy { $0 != weight }, "width \(width) dense \(dense): \(ieee.values)")
                XCTAssertGreaterThan(runtimeSubnormal(0.5), 0, "the calling thread's mode is restored after the call")
            }
        }
    }

    func testTheOptimiserFollowsTheRunSemantics() {
        XCTAssertFalse(RunSemantics(version: 3).flushesSubnormals)
        XCTAssertTrue(RunSemantics(version: 4).flushesSubnormals)
        XCTAssertTrue(RunSemantics.current.flushesSubnormals)
        XCTAssertTrue(RunSemantics.known.contains(RunSemantics(version: 3)), "semantics 3 runs still train and reproduce")
        // The same subnormal SGD step through the factory: semantics 3 moves the weight, 4 does not.
        let config = optimizerConfig(.sgd, learningRate: 0.1)
        for (version, moves) in [(3, true), (4, !flushes)] {
            let parameter = row(width: 4, value: 1e-37, gradient: 1e-38)
            OptimizerFactory.make(config: config, parameters: [parameter], semantics: RunSemantics(version: version))
                .step(parameters: [parameter], learningRate: 0.1, beta1: 0)
            XCTAssertEqual(parameter.values[0] != 1e-37, moves, "semantics \(version)")
        }
    }
}
