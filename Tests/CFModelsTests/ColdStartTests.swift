import CFConfig
import CFCore
import CFData
import Testing
@testable import CFModels

@Suite("cold start")
struct ColdStartTests {
    // User 2 and item 3 never appear in training.
    let training = RatingSet(users: [0, 1, 0, 1], items: [0, 1, 2, 2], ratings: [4, 2, 5, 3], timestamps: [0, 0, 0, 0])
    var statistics: TrainingStatistics { TrainingStatistics(training: training, userCount: 3, itemCount: 4) }

    func model(_ kind: ModelConfig.Kind, yRange: YRange = .none, globalMean: Bool = false) throws -> any RatingModel {
        var config = ModelConfig()
        config.kind = kind
        config.embeddingDim = .fixed(3)
        config.initializer = .normal(std: 0.5)
        config.yRange = yRange
        config.globalMean = globalMean
        return try ModelFactory.make(config: config, statistics: statistics, streams: ParameterStreams(seed: 2))
    }

    @Test func statisticsFromTrainingSet() {
        #expect(statistics.globalMean == 3.5)
        #expect(statistics.ratingMin == 2 && statistics.ratingMax == 5)
        #expect(statistics.userSeen == [true, true, false])
        #expect(statistics.itemSeen == [true, true, true, false])
        #expect(statistics.isColdStart(user: 2, item: 0))
        #expect(statistics.isColdStart(user: 0, item: 3))
        #expect(statistics.isColdStart(user: 7, item: -1))
        #expect(!statistics.isColdStart(user: 1, item: 2))
        let users: [Int32] = [0, 2, 1, 0]
        let items: [Int32] = [0, 1, 3, 2]
        let count = users.withUnsafeBufferPointer { users in
            items.withUnsafeBufferPointer { statistics.coldStartCount(users: users, items: $0) }
        }
        #expect(count == 2)
    }

    @Test func dotPredictsGlobalMeanForUnseenUserOrItem() throws {
        let predictions = try model(.dot).predict(users: [2, 0, 2, 9], items: [0, 3, 3, 0])
        #expect(predictions == [3.5, 3.5, 3.5, 3.5])
    }

    @Test func dotBiasKeepsTheKnownSidesBias() throws {
        let model = try model(.dotBias, yRange: .fixed(low: 0, high: 5.5), globalMean: true)
        guard let dotBias = model as? DotBiasModel else { Issue.record("not a DotBiasModel"); return }
        let range = SigmoidRange(low: 0, high: 5.5)
        let itemBias = dotBias.itemBias.values[1]
        let userBias = dotBias.userBias.values[0]
        // μ is the logit that the range maps to the training mean 3.5 (semantics 3).
        let offset = dotBias.meanOffset
        #expect(offset == DotBiasModel.meanOffset(3.5, range: range, inside: true))
        let predictions = model.predict(users: [2, 0, 2], items: [1, 3, 3])
        #expect(predictions[0] == range.value(offset + itemBias))
        #expect(predictions[1] == range.value(offset + userBias))
        #expect(abs(predictions[2] - 3.5) < 1e-5, "both sides new: the training mean")
    }

    @Test func biasesIgnoreUnseenSides() throws {
        let model = try model(.biases)
        guard let biases = model as? BiasesModel else { Issue.record("not a BiasesModel"); return }
        biases.userBias.values = [0.5, -0.5, 9]
        biases.itemBias.values = [0.25, 0, 0, 9]
        #expect(model.predict(users: [2, 0, 2], items: [0, 3, 3]) == [3.75, 4.0, 3.5])
    }
}
