import CFConfig
import CFCore
import Testing
@testable import CFModels

@Suite("model factory")
struct ModelFactoryTests {
    @Test func yRangeDataResolvesToTrainingRange() throws {
        let model = try makeModel { $0.kind = .dotBias; $0.yRange = .data }
        #expect((model as? DotBiasModel)?.range == SigmoidRange(low: 1, high: 5))
    }

    @Test func kindsMatchConfig() throws {
        for kind in [ModelConfig.Kind.dot, .dotBias, .biases, .globalMean] {
            #expect(try makeModel { $0.kind = kind }.kind == kind)
        }
    }

    @Test func rejectsInvalidConfigs() {
        #expect(throws: ModelError.self) { try makeModel { $0.kind = .dot; $0.embeddingDim = .auto } }
        #expect(throws: ModelError.self) { try makeModel { $0.kind = .dot; $0.embeddingDim = .perSide(user: 3, item: 4) } }
        #expect(throws: ModelError.self) { try makeModel { $0.kind = .dotBias; $0.embeddingDim = .fixed(0) } }
        #expect(throws: ModelError.self) { try makeModel { $0.kind = .dotBias; $0.dropout = Dropout(user: 1, item: 0) } }
        #expect(throws: ModelError.self) { try makeModel { $0.kind = .dotBias; $0.yRange = .fixed(low: 5, high: 1) } }
    }

    @Test func sigmoidRangeSlopeMatchesDifference() {
        let range = SigmoidRange(low: 0, high: 5.5)
        for x: Float in [-3, -0.5, 0, 0.7, 2.5] {
            let epsilon: Float = 1e-2
            let numeric = (Double(range.value(x + epsilon)) - Double(range.value(x - epsilon))) / Double(2 * epsilon)
            #expect(abs(numeric - Double(range.evaluate(x).slope)) < 1e-3)
            #expect(range.evaluate(x).value == range.value(x))
        }
        #expect(SigmoidRange.identity.evaluate(1.25) == (1.25, 1))
    }
}
