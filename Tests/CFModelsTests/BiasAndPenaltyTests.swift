import CFConfig
import CFCore
import CFData
import Foundation
import Testing
@testable import CFModels

/// `model.bias_init: data` and `model.l2` (per-rating, frequency-scaled L2) of dot_bias.
@Suite("dot_bias: baseline bias start and per-rating L2")
struct BiasAndPenaltyTests {
    let batch = TinyBatch(users: 6, items: 5, count: 12, seed: 3)

    /// Statistics measured on the batch itself, so rows have uneven rating counts.
    var statistics: TrainingStatistics { batch.statistics(users: 6, items: 5, baselines: true) }

    func model(_ configure: (inout ModelConfig) -> Void) throws -> DotBiasModel {
        var config = ModelConfig()
        config.kind = .dotBias
        config.embeddingDim = .fixed(4)
        config.initializer = .normal(std: 0.5)
        configure(&config)
        return try #require(
            try ModelFactory.make(config: config, statistics: statistics, streams: ParameterStreams(seed: 1)) as? DotBiasModel)
    }

    @Test(arguments: [1.0, 0.5, 0.0], [YRange.none, .fixed(low: 0, high: 5.5)])
    func penaltyGradientsMatchFiniteDifferences(exponent: Double, yRange: YRange) throws {
        let model = try model {
            $0.l2 = 0.3
            $0.l2Exponent = exponent
            $0.yRange = yRange
            $0.dropout = Dropout(user: 0.2, item: 0.1)
        }
        #expect(gradientMismatches(model, batch) == [])
    }

    @Test func penaltyIsAddedToTheLossPerRating() throws {
        let plain = try model { _ in }
        let penalised = try model { $0.l2 = 0.25; $0.l2Exponent = 0.5 }
        var random = Xoshiro256StarStar(seed: 1)
        let base = plain.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
        random = Xoshiro256StarStar(seed: 1)
        let total = penalised.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
        let counts = statistics
        let meanUser = Double(counts.userCounts.filter { $0 > 0 }.reduce(0, +)) / Double(counts.userCounts.filter { $0 > 0 }.count)
        let meanItem = Double(counts.itemCounts.filter { $0 > 0 }.reduce(0, +)) / Double(counts.itemCounts.filter { $0 > 0 }.count)
        func squares(_ table: Parameter, _ bias: Parameter, _ row: Int) -> Double {
            var sum = Double(bias.values[row] * bias.values[row])
            for column in 0..<4 { sum += Double(table.values[row * 4 + column] * table.values[row * 4 + column]) }
            return sum
        }
        var expected = 0.0
        for (user, item) in zip(batch.users, batch.items) {
            let userWeight = 0.25 * pow(Double(counts.userCounts[Int(user)]) / meanUser, -0.5)
            let itemWeight = 0.25 * pow(Double(counts.itemCounts[Int(item)]) / meanItem, -0.5)
            expected += userWeight * squares(penalised.userEmbedding, penalised.userBias, Int(user))
                + itemWeight * squares(penalised.itemEmbedding, penalised.itemBias, Int(item))
        }
        #expect(abs((total - base) - expected) < 1e-4 * expected)
    }

    @Test func defaultsLeaveTheModelAsBefore() throws {
        let plain = try model { _ in }
        let explicit = try model { $0.l2 = 0; $0.biasInit = .embedding }
        #expect(plain.userBias.values == explicit.userBias.values)
        #expect(plain.userPenalties.isEmpty)
    }

    /// With data-started biases and zero embeddings, predictions are the baseline estimates.
    @Test(arguments: [false, true], [YRange.none, .fixed(low: 0, high: 5.5)])
    func dataStartPredictsTheBaselines(globalMean: Bool, yRange: YRange) throws {
        let model = try model {
            $0.biasInit = .data
            $0.globalMean = globalMean
            $0.yRange = yRange
            $0.initializer = .normal(std: 0)
        }
        let stats = statistics
        let predictions = model.predict(users: batch.users, items: batch.items)
        for (index, prediction) in predictions.enumerated() {
            let user = Int(batch.users[index]), item = Int(batch.items[index])
            let baseline = stats.globalMean + stats.userBaselines[user] + stats.itemBaselines[item]
            // Under a range the two logits add, which is close to, not exactly, the sum.
            #expect(abs(prediction - baseline) < (yRange == .none ? 1e-5 : 0.05))
        }
    }

    /// A stored model is rebuilt from statistics without baselines, then loaded: its
    /// biases start as drawn (the kept parameters replace them), never a crash.
    @Test func rebuildingWithoutBaselinesKeepsTheDrawnBiases() throws {
        var config = ModelConfig()
        config.kind = .dotBias
        config.embeddingDim = .fixed(4)
        config.biasInit = .data
        let rebuilt = try #require(try ModelFactory.make(
            config: config, statistics: allSeenStatistics(users: 6, items: 5), streams: ParameterStreams(seed: 1)) as? DotBiasModel)
        config.biasInit = .embedding
        let drawn = try #require(try ModelFactory.make(
            config: config, statistics: allSeenStatistics(users: 6, items: 5), streams: ParameterStreams(seed: 1)) as? DotBiasModel)
        #expect(rebuilt.userBias.values == drawn.userBias.values)
        #expect(rebuilt.itemBias.values == drawn.itemBias.values)
    }

    @Test func baselinesAreShrunkMeans() throws {
        let stats = statistics
        for item in 0..<5 {
            var sum = 0.0
            for index in batch.items.indices where batch.items[index] == Int32(item) {
                sum += Double(batch.ratings[index] - stats.globalMean)
            }
            let expected = sum / (TrainingStatistics.itemShrinkage + Double(stats.itemCounts[item]))
            #expect(abs(Double(stats.itemBaselines[item]) - expected) < 1e-6)
        }
        #expect(stats.userCounts.reduce(0, +) == Int32(batch.ratings.count))
        let ratings = RatingSet(
            users: batch.users, items: batch.items, ratings: batch.ratings,
            timestamps: [Int64](repeating: 0, count: batch.ratings.count))
        let unmeasured = TrainingStatistics(training: ratings, userCount: 6, itemCount: 5)
        #expect(unmeasured.userBaselines.isEmpty && unmeasured.itemBaselines.isEmpty, "only bias_init data pays for them")
        #expect(unmeasured.userCounts == stats.userCounts)
    }
}
