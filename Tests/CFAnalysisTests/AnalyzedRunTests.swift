import CFAnalysis
import CFStore
import Foundation
import XCTest

/// Rebuilding a stored model: same predictions as the formula, clear errors otherwise.
final class AnalyzedRunTests: XCTestCase {
    func testRebuiltModelPredictsFromTheStoredTensors() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        XCTAssertEqual(run.kind, "dot_bias")
        // user 1 · item 10 = 1, item bias 0.5: r̂ = 5.5 σ(1.5).
        let prediction = run.model.predict(users: [0], items: [0])[0]
        XCTAssertEqual(Double(prediction), 5.5 / (1 + exp(-1.5)), accuracy: 1e-5)
        XCTAssertFalse(run.statistics.isKnown(user: 3))
        XCTAssertFalse(run.statistics.isKnown(item: 4))
    }

    func testAStoredShapeThatDoesNotFitIsAnError() throws {
        let fixture = try AnalysisFixture(self)
        var tensors = AnalysisFixture.dotBiasTensors
        tensors[1] = ParameterTensor(name: "item_embedding", shape: [2, 5], values: AnalysisFixture.itemEmbeddings)
        let runId = try fixture.addRun(tensors: tensors)
        XCTAssertThrowsError(try fixture.analyzed(runId)) { error in
            XCTAssertEqual("\(error)", "run \(runId): stored tensor item_embedding has shape [2, 5], the model [5, 2]; the run's parameters do not fit its config")
        }
    }

    func testUnknownUserIsAnError() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        XCTAssertEqual(try run.user("3"), 2)
        XCTAssertThrowsError(try run.user("99")) { error in
            XCTAssertEqual(error as? AnalysisError, .unknownUser("99"))
        }
    }

    func testPredictionNamesTheColdStartAndTheActualRating() throws {
        let fixture = try AnalysisFixture(self)
        let run = try fixture.analyzed(try fixture.addRun())
        let cold = Prediction(run: run, user: 3, item: 4)
        XCTAssertTrue(cold.isColdStart)
        XCTAssertEqual(cold.actual?.rating, 3)
        XCTAssertEqual(cold.actual?.part, "held out")
        // Unseen user 4 and item 50: both sides fall back, r̂ = 5.5 σ(0).
        XCTAssertEqual(cold.value, 2.75, accuracy: 1e-6)
        XCTAssertEqual(
            cold.output.notes,
            ["Cold start: user 4 and item 50 have no training ratings; the dot_bias model's cold-start fallback was used."]
        )
        let warm = Prediction(run: run, user: 0, item: 0)
        XCTAssertFalse(warm.isColdStart)
        XCTAssertEqual(warm.actual?.part, "train")
        XCTAssertEqual(warm.output.notes, [])
    }
}
