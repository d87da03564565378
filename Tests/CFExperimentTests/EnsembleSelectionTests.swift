import CFExperiment
import XCTest

/// The greedy path of ensemble selection, on predictions made up so the answer is known.
final class EnsembleSelectionTests: XCTestCase {
    let targets: [Float] = [1, 2, 3, 4, 5, 3, 2, 4]

    func testTwoOpposedErrorsArePickedTogetherAndAWorseRoundIsNotKept() {
        let high = targets.map { $0 + 0.5 }   // rmse 0.5
        let low = targets.map { $0 - 0.5 }    // rmse 0.5, the opposite error
        let noisy = targets.enumerated().map { $0.element + ($0.offset.isMultiple(of: 2) ? 0.4 : -0.4) } // rmse 0.4
        let (picks, path) = EnsembleSelection.greedyPath(predictions: [high, low, noisy], targets: targets, clip: nil, rounds: 4)
        XCTAssertEqual(picks.first, 2, "round 1 takes the best single candidate")
        XCTAssertEqual(path[0], 0.4, accuracy: 1e-6)
        // Then the pair with opposite errors beats repeating the best one.
        XCTAssertEqual(Array(picks.prefix(3)).sorted(), [0, 1, 2])
        XCTAssertLessThan(path[2], path[0])
        XCTAssertEqual(path.count, 4)
    }

    func testTiesGoToTheFirstCandidateAndThePathIsDeterministic() {
        let a = targets.map { $0 + 0.25 }
        let (picks, path) = EnsembleSelection.greedyPath(predictions: [a, a, a], targets: targets, clip: nil, rounds: 3)
        XCTAssertEqual(picks, [0, 0, 0])
        XCTAssertEqual(path, [Double](repeating: path[0], count: 3))
        let again = EnsembleSelection.greedyPath(predictions: [a, a, a], targets: targets, clip: nil, rounds: 3)
        XCTAssertEqual(again.picks, picks)
        XCTAssertEqual(again.rmse, path)
    }

    func testTheMeanIsClippedBeforeItIsScored() {
        let over = targets.map { _ in Float(9) }
        let clipped = EnsembleSelection.greedyPath(predictions: [over], targets: targets, clip: 1...5, rounds: 1).rmse[0]
        let expected = (targets.map { Double(5 - $0) * Double(5 - $0) }.reduce(0, +) / Double(targets.count)).squareRoot()
        XCTAssertEqual(clipped, expected, accuracy: 1e-9)
        let raw = EnsembleSelection.greedyPath(predictions: [over], targets: targets, clip: nil, rounds: 1).rmse[0]
        XCTAssertGreaterThan(raw, clipped)
    }

    /// The refusal counts what the ensemble counts (a run listed twice is two) against
    /// the fewest it needs (2 for a list, 1 for a selected ensemble).
    func testTooFewRunsSaysTheCountedTotalAndTheFewest() {
        XCTAssertEqual(SeedEnsemble.Problem.tooFewRuns(counted: 1, fewest: 2).description,
                       "an ensemble needs at least 2 runs with kept parameters, got 1")
        XCTAssertEqual(SeedEnsemble.Problem.tooFewRuns(counted: 0, fewest: 1).description,
                       "an ensemble needs at least 1 run with kept parameters, got 0")
    }
}
