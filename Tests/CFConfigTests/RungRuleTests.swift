@testable import CFConfig
import XCTest

/// Successive halving and asha decisions on synthetic curves.
final class RungRuleTests: XCTestCase {
    func testRungsAreMinEpochsTimesPowersOfEtaBelowTheLastEpoch() {
        let rule = EarlyTermination(kind: .successiveHalving, minEpochs: 1, eta: 3)
        XCTAssertEqual(rule.rungs(epochs: 9), [1, 3])
        XCTAssertEqual(rule.rungs(epochs: 10), [1, 3, 9])
        XCTAssertEqual(EarlyTermination(kind: .asha, minEpochs: 2, eta: 2).rungs(epochs: 12), [2, 4, 8])
        XCTAssertEqual(rule.rungs(epochs: 1), [])
    }

    func testARungValueIsTheBestOfTheEpochsUpToIt() {
        let curve = [1.0, 0.8, 0.9, 0.7]
        XCTAssertEqual(EarlyTermination.rungValue(curve, epoch: 3), 0.8)
        XCTAssertEqual(EarlyTermination.rungValue(curve, epoch: 4), 0.7)
        XCTAssertNil(EarlyTermination.rungValue(curve, epoch: 5))
        XCTAssertEqual(EarlyTermination.rungValue([.nan, 0.9], epoch: 2), 0.9)
        XCTAssertTrue(EarlyTermination.rungValue([.nan], epoch: 1)?.isNaN == true)
    }

    /// Nine curves at rung 1: the best ⌊9/3⌋ = 3 go on, ties broken by trial order, NaN last.
    func testSuccessiveHalvingKeepsTheBestThirdWhoeverAsks() {
        let rule = EarlyTermination(kind: .successiveHalving)
        let values = [0.95, 0.90, .nan, 0.88, 0.90, 0.99, 0.91, 0.87, 1.2]
        let entries = values.enumerated().map { RungEntry(trial: $0, value: $1) }
        let promoted = entries.indices.filter { rule.verdict(for: $0, among: entries).promoted }
        XCTAssertEqual(promoted, [1, 3, 7])
        XCTAssertEqual(rule.verdict(for: 4, among: entries), RungVerdict(promoted: false, rank: 4, competitors: 9, kept: 3))
        XCTAssertEqual(rule.verdict(for: 2, among: entries).rank, 9)
        XCTAssertTrue(entries.indices.allSatisfy { rule.competes($0, with: 0) })
    }

    /// asha judges trial i among trials 0…i: the first is always promoted, later ones when
    /// they rank within max(1, ⌊(i+1)/η⌋) of those.
    func testAshaJudgesEachTrialAmongThoseBeforeIt() {
        let rule = EarlyTermination(kind: .asha, eta: 2)
        let values = [0.9, 1.0, 0.8, 0.85, 0.95]
        let entries = values.enumerated().map { RungEntry(trial: $0, value: $1) }
        let promoted = entries.indices.filter { index in
            let competitors = entries.filter { rule.competes($0.trial, with: index) }
            return rule.verdict(for: index, among: competitors).promoted
        }
        // 0: alone. 1: 2nd of 2, keeps 1. 2: 1st of 3. 3: 2nd of 4, keeps 2. 4: 4th of 5, keeps 2.
        XCTAssertEqual(promoted, [0, 2, 3])
        XCTAssertFalse(rule.competes(3, with: 2))
        XCTAssertTrue(rule.competes(2, with: 2))
    }
}
