import CFConfig
import CFCore
@testable import CFModels
import XCTest

/// `dot` and `dot_bias` predict eight seen pairs at a time (`PairDots`); every prediction
/// keeps the bits of the one-pair loop they used before, cold pairs and ranges included.
final class PredictionBitsTests: XCTestCase {
    /// Statistics where users 0, 1 and item 2 are unseen, or where every id was seen.
    func statistics(users: Int, items: Int, unseen: Bool) -> TrainingStatistics {
        TrainingStatistics(
            globalMean: 3.25, ratingMin: 1, ratingMax: 5,
            userSeen: (0..<users).map { !unseen || $0 > 1 }, itemSeen: (0..<items).map { !unseen || $0 != 2 })
    }

    /// Pairs in random order, a fifth of them cold, `count` not a multiple of four.
    func pairs(users: Int, items: Int, count: Int, seed: UInt64) -> ([Int32], [Int32]) {
        var random = Xoshiro256StarStar(seed: seed)
        let pairs = (0..<count).map { _ in
            (Int32(random.nextInt(below: users)), Int32(random.nextInt(below: items)))
        }
        return (pairs.map(\.0), pairs.map(\.1))
    }

    /// dot_bias's one-pair loop as it was.
    func referenceDotBias(_ model: DotBiasModel, _ user: Int32, _ item: Int32) -> Float {
        let width = model.dimensions
        let userKnown = model.statistics.isKnown(user: user), itemKnown = model.statistics.isKnown(item: item)
        var x = model.meanOffset
        if userKnown { x += model.userBias.values[Int(user)] }
        if itemKnown { x += model.itemBias.values[Int(item)] }
        if userKnown && itemKnown {
            for offset in 0..<width {
                x += model.userEmbedding.values[Int(user) * width + offset] * model.itemEmbedding.values[Int(item) * width + offset]
            }
        }
        return model.range.value(x)
    }

    /// dot's one-pair loop as it was.
    func referenceDot(_ model: DotModel, _ user: Int32, _ item: Int32) -> Float {
        guard !model.statistics.isColdStart(user: user, item: item) else { return model.statistics.globalMean }
        let width = model.dimensions
        var dot: Float = 0
        for offset in 0..<width {
            dot += model.userEmbedding.values[Int(user) * width + offset] * model.itemEmbedding.values[Int(item) * width + offset]
        }
        return dot
    }

    func testDotBiasAndDotPredictTheOnePairLoopsBits() {
        for (width, unseen) in [1, 3, 6, 64, 65].flatMap({ width in [(width, false), (width, true)] }) {
            let statistics = statistics(users: 9, items: 11, unseen: unseen)
            for count in [0, 1, 7, 8, 9, 16, 37, 203] {
                let (users, items) = pairs(users: 9, items: 11, count: count, seed: UInt64(width * 1000 + count))
                for range in [SigmoidRange.identity, SigmoidRange(low: 1, high: 5)] {
                    let model = DotBiasModel(
                        dimensions: width, initializer: .normal(std: 0.7), range: range, addsGlobalMean: true,
                        dropout: Dropout(user: 0, item: 0), statistics: statistics, streams: ParameterStreams(seed: 2))
                    let expected = zip(users, items).map { referenceDotBias(model, $0, $1).bitPattern }
                    XCTAssertEqual(model.predict(users: users, items: items).map(\.bitPattern), expected, "dot_bias k \(width), \(count) pairs, unseen \(unseen)")
                }
                let dot = DotModel(dimensions: width, initializer: .normal(std: 0.7), statistics: statistics, streams: ParameterStreams(seed: 3))
                let expected = zip(users, items).map { referenceDot(dot, $0, $1).bitPattern }
                XCTAssertEqual(dot.predict(users: users, items: items).map(\.bitPattern), expected, "dot k \(width), \(count) pairs, unseen \(unseen)")
            }
        }
    }
}
