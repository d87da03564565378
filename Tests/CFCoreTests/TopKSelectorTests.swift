import CFCore
import XCTest

/// The bounded heap keeps the same top K as a full sort, whatever the offer order.
final class TopKSelectorTests: XCTestCase {
    func testMatchesAFullSortWithTiesAndNaN() {
        var random = Xoshiro256StarStar(seed: 7)
        for trial in 0..<50 {
            let count = 1 + trial * 3
            // Few distinct scores, so that ties are common; one NaN ranks last.
            var pairs = (0..<count).map { (item: Int32($0), score: Float(Int.random(in: 0..<4, using: &random))) }
            pairs[count / 2].score = .nan
            let expected = pairs.map { (item: $0.item, score: $0.score.isNaN ? -Float.infinity : $0.score) }
                .sorted { TopKSelector.ranksBefore($0.item, $0.score, $1.item, $1.score) }
            for capacity in [0, 1, 5, count, count + 3] {
                var selector = TopKSelector(capacity: capacity)
                for pair in pairs.shuffled(using: &random) { selector.offer(item: pair.item, score: pair.score) }
                let ranked = selector.drainRanked()
                XCTAssertEqual(ranked.map(\.item), expected.prefix(capacity).map(\.item), "count \(count), K \(capacity)")
                XCTAssertEqual(selector.count, 0)
            }
        }
    }

    func testEqualScoresGoToTheLowerItemId() {
        var selector = TopKSelector(capacity: 2)
        for item: Int32 in [9, 4, 7, 1] { selector.offer(item: item, score: 3) }
        XCTAssertEqual(selector.drainRanked().map(\.item), [1, 4])
    }
}
