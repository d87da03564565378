import CFConfig
@testable import CFTraining
import XCTest

/// Schedule values at start, peak, end and interior points, worked out by hand.
final class ScheduleTests: XCTestCase {
    private func schedule(_ kind: ScheduleConfig.Kind, _ edit: (inout ScheduleConfig) -> Void = { _ in }) -> Schedule {
        var config = ScheduleConfig()
        config.kind = kind
        edit(&config)
        return Schedule(config: config, learningRate: 0.01, beta1: 0.9)
    }

    func testConstant() {
        let values = schedule(.constant).value(step: 37, totalSteps: 100, stepsPerEpoch: 10)
        XCTAssertEqual(values.learningRate, 0.01)
        XCTAssertEqual(values.beta1, 0.9)
    }

    func testOneCycleMatchesFastai() {
        // 8 steps, pct_start 0.25: steps 0-1 warm up, step 2 is the peak.
        let oneCycle = schedule(.oneCycle)
        let expected: [(step: Int, learningRate: Double, beta1: Double)] = [
            (0, 0.01 / 25, 0.95),                       // start: lr/div, moms[0]
            (1, (0.01 / 25 + 0.01) / 2, 0.90),          // halfway through warmup: cosine midpoint
            (2, 0.01, 0.85),                            // peak: lr, moms[1]
            (5, (0.01 + 0.01 / 1e5) / 2, 0.90),         // halfway through annealing
            (7, 0.000669966282347995, 0.9433012701892219),  // last step, q = 5/6
            (8, 0.01 / 1e5, 0.95),                      // end: lr/final_div, moms[2]
        ]
        for point in expected {
            let value = oneCycle.value(step: point.step, totalSteps: 8, stepsPerEpoch: 4)
            XCTAssertEqual(value.learningRate, point.learningRate, accuracy: 1e-12, "step \(point.step)")
            XCTAssertEqual(value.beta1, point.beta1, accuracy: 1e-12, "step \(point.step)")
        }
    }

    func testCosineWithWarmupAndFloor() {
        let cosine = schedule(.cosine) {
            $0.warmup = 0.2
            $0.minLR = 0.1
        }
        // 10 steps: 2 warmup steps, then cosine over 8 steps from 0.01 to 0.001.
        let expected: [(Int, Double)] = [(0, 0.005), (1, 0.01), (2, 0.01), (6, 0.0055), (10, 0.001)]
        for (step, learningRate) in expected {
            let value = cosine.value(step: step, totalSteps: 10, stepsPerEpoch: 5)
            XCTAssertEqual(value.learningRate, learningRate, accuracy: 1e-12, "step \(step)")
            XCTAssertEqual(value.beta1, 0.9)
        }
    }

    func testStepDecaysEveryStepSizeEpochs() {
        let step = schedule(.step) {
            $0.stepSize = 2
            $0.gamma = 0.5
        }
        let expected: [(Int, Double)] = [(0, 0.01), (19, 0.01), (20, 0.005), (39, 0.005), (45, 0.0025)]
        for (index, learningRate) in expected {
            XCTAssertEqual(step.value(step: index, totalSteps: 60, stepsPerEpoch: 10).learningRate, learningRate, accuracy: 1e-15)
        }
    }
}
