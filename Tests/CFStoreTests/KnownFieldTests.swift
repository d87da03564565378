@testable import CFStore
import CFTestSupport
import XCTest

/// Every field a user types in a filter or sort is checked against what the store holds,
/// with a did-you-mean; a misspelt metric no longer filters silently to nothing.
final class KnownFieldTests: XCTestCase {
    func testUnknownFieldsAreRefusedWithASuggestionAndKnownOnesPass() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        XCTAssertNoThrow(try store.runs(matching: RunQuery(filter: try WhereFilter(parsing: "valid_rmsee < 1"))),
                         "an empty store knows no fields yet")
        let id = try store.startRun(SampleRuns.newRun())
        try store.finishRun(runId: id, outcome: SampleRuns.completed(validRMSE: 0.9))
        for known in ["valid_rmse < 1", "best.valid_mae < 1", "final.valid_rmse < 1", "test.rmse < 1",
                      "optimizer.lr < 1", "model.kind = dot_bias", "tag = fixture", "status = completed", "seconds > 0"] {
            XCTAssertEqual(try store.runs(matching: RunQuery(filter: try WhereFilter(parsing: known))).count, 1, known)
        }
        let cases: [(String, String)] = [
            ("valid_rmsee < 1", "unknown field `valid_rmsee`: no run in the store has it (did you mean 'valid_rmse'?)"),
            ("optimizer.lrr < 1", "(did you mean 'optimizer.lr'?)"),
            ("test.rmsee < 1", "unknown field `test.rmsee`: no run in the store has it (did you mean 'test.rmse'?)"),
        ]
        for (text, fragment) in cases {
            XCTAssertThrowsError(try store.runs(matching: RunQuery(filter: try WhereFilter(parsing: text)))) { error in
                XCTAssertTrue("\(error)".contains(fragment), "\(text): \(error)")
            }
        }
        XCTAssertThrowsError(try store.runs(matching: RunQuery(sort: "vaild_rmse"))) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'valid_rmse'"), "\(error)")
        }
        XCTAssertTrue(try store.knownFields().contains("model.embedding_dim"))
    }
}
