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

/// `global_mean: true` under a sigmoid range starts at the training mean (semantics 3);
/// semantics 2 added the mean itself inside the sigmoid.
@Suite("global mean under a sigmoid range")
struct GlobalMeanRangeTests {
    func firstPredictions(semantics: RunSemantics) throws -> [Float] {
        var config = ModelConfig()
        config.kind = .dotBias
        config.embeddingDim = .fixed(4)
        config.initializer = .normal(std: 0)
        config.globalMean = true
        config.yRange = .fixed(low: 0, high: 5.5)
        let model = try ModelFactory.make(
            config: config, statistics: allSeenStatistics(users: 3, items: 2, mean: 3.5), streams: ParameterStreams(seed: 1),
            semantics: semantics)
        let users: [Int32] = [0, 1, 2], items: [Int32] = [1, 0, 1]
        var output = [Float](repeating: 0, count: 3)
        users.withUnsafeBufferPointer { u in items.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in
            model.predict(users: u, items: i, into: o)
        } } }
        return output
    }

    @Test func theFirstPredictionIsTheTrainingMean() throws {
        for value in try firstPredictions(semantics: .current) { #expect(abs(value - 3.5) < 1e-5) }
        // ln((3.5 - 0)/(5.5 - 3.5)) = 0.5596.
        #expect(abs(DotBiasModel.meanOffset(3.5, range: SigmoidRange(low: 0, high: 5.5), inside: true) - 0.5596158) < 1e-5)
    }

    @Test func semantics2AddedTheMeanInsideTheSigmoid() throws {
        // 5.5 * sigmoid(3.5) = 5.3388: every first prediction near the top of the range.
        for value in try firstPredictions(semantics: .perTensorStreams) { #expect(abs(value - 5.338_78) < 1e-4) }
    }

    @Test func withoutARangeTheOffsetIsTheMean() {
        #expect(DotBiasModel.meanOffset(3.5, range: .identity, inside: true) == 3.5)
    }
}
