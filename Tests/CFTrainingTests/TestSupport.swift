import CFConfig
import CFModels
@testable import CFTraining
import XCTest

/// A row-sparse [3, 2] table with values 1...6 whose row 1 has gradient (0.5, -1).
func table(gradientOnRow row: Int32 = 1, gradient: [Float] = [0.5, -1]) -> Parameter {
    let parameter = Parameter(name: "table", shape: [3, 2], values: [1, 2, 3, 4, 5, 6], rowSparse: true)
    setGradient(parameter, row: row, gradient)
    return parameter
}

/// Writes `gradient` into row `row` and marks it touched.
func setGradient(_ parameter: Parameter, row: Int32, _ gradient: [Float]) {
    for (offset, value) in gradient.enumerated() { parameter.gradient[Int(row) * parameter.columns + offset] = value }
    parameter.touch(row)
}

func optimizerConfig(
    _ kind: OptimizerConfig.Kind, learningRate: Double, weightDecay: Double = 0,
    mode: OptimizerConfig.WeightDecayMode = .l2, dense: Bool = false
) -> OptimizerConfig {
    var config = OptimizerConfig()
    config.kind = kind
    config.learningRate = learningRate
    config.weightDecay = weightDecay
    config.weightDecayMode = mode
    config.dense = dense
    return config
}

func assertValues(_ actual: [Float], _ expected: [Double], accuracy: Double = 1e-6, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, file: file, line: line)
    for (a, e) in zip(actual, expected) { XCTAssertEqual(Double(a), e, accuracy: accuracy, file: file, line: line) }
}
