import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class WhereFilterTests: XCTestCase {
    /// Five finished runs: (kind, dropout, lr, valid_rmse), plus tags.
    private func populatedStore() throws -> (RunStore, String, [Int64]) {
        let (store, path) = try TemporaryStore.make(for: self)
        let rows: [(String, Double, Double, Double)] = [
            ("dot", 0.0, 1e-3, 0.95), ("dot_bias", 0.3, 1e-3, 0.88), ("dot_bias", 0.0, 3e-3, 0.87),
            ("dot_bias", 0.0, 1e-2, 0.91), ("nn", 0.5, 1e-2, 0.89),
        ]
        var ids: [Int64] = []
        for (kind, dropout, lr, rmse) in rows {
            let config = SampleRuns.config(kind: kind, dropout: dropout, learningRate: lr)
            let runId = try store.startRun(SampleRuns.newRun(config, tags: [kind == "nn" ? "deep" : "shallow"]), sweep: "grid")
            try store.finishRun(runId: runId, outcome: SampleRuns.completed(validRMSE: rmse))
            ids.append(runId)
        }
        try store.tagRun(id: ids[1], tag: "best one")
        return (store, path, ids)
    }

    private func ids(_ store: RunStore, _ expression: String) throws -> [Int64] {
        try store.runs(matching: RunQuery(filter: WhereFilter(parsing: expression))).map(\.id)
    }

    func testParamsAreTypedWithSQLiteAffinity() throws {
        let (store, path, ids) = try populatedStore()
        let types = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT key, type, typeof(value) AS storage FROM run_params WHERE run_id = ? ORDER BY key", arguments: [ids[0]])
                .map { "\($0["key"] as String) \($0["type"] as String) \($0["storage"] as String)" }
        }
        XCTAssertEqual(types, [
            "model.dropout real real", "model.embedding_dim int integer", "model.global_mean bool integer",
            "model.kind text text", "model.layers null null", "model.y_range json text", "name text text",
            "optimizer.kind text text", "optimizer.lr real real", "optimizer.weight_decay real real", "seed int integer",
            "training.early_stopping json text", "training.epochs int integer", "version int integer",
        ])
        XCTAssertEqual(try self.ids(store, "optimizer.lr < 1e-2"), [ids[0], ids[1], ids[2]])
    }

    func testFilterCombinesParamsMetricsStatusTagsAndSweep() throws {
        let (store, _, ids) = try populatedStore()
        XCTAssertEqual(try self.ids(store, "model.kind = dot_bias and (model.dropout >= 0.3 or optimizer.lr in (1e-3, 3e-3))"), [ids[1], ids[2]])
        XCTAssertEqual(try self.ids(store, "model.kind != dot_bias"), [ids[0], ids[4]])
        XCTAssertEqual(try self.ids(store, "not model.kind in ('dot', \"nn\")"), [ids[1], ids[2], ids[3]])
        XCTAssertEqual(try self.ids(store, "valid_rmse < 0.9"), [ids[1], ids[2], ids[4]])
        XCTAssertEqual(try self.ids(store, "final.valid_rmse <= 0.895 AND test.rmse > 0.88"), [ids[1], ids[2]])
        XCTAssertEqual(try self.ids(store, "status = completed and sweep = grid and tag = deep"), [ids[4]])
        XCTAssertEqual(try self.ids(store, "tag = 'best one' or model.embedding_dim > 100"), [ids[1]])
        XCTAssertEqual(try self.ids(store, "tag != shallow"), [ids[4]])
        XCTAssertEqual(try self.ids(store, "model.global_mean = false and model.layers = null"), ids)
        XCTAssertEqual(try self.ids(store, "model.y_range = '[0.0,5.5]'"), ids)
        XCTAssertEqual(try self.ids(store, "status = running"), [])
    }

    func testQueryOptionsSortLimitAndFilterBySweepStatusTag() throws {
        let (store, _, ids) = try populatedStore()
        XCTAssertEqual(try store.runs(matching: RunQuery(sort: "valid_rmse", limit: 2)).map(\.id), [ids[2], ids[1]])
        XCTAssertEqual(try store.runs(matching: RunQuery(sort: "optimizer.lr", descending: true, limit: 1)).map(\.id), [ids[3]])
        XCTAssertEqual(try store.runs(matching: RunQuery(tag: "deep")).map(\.id), [ids[4]])
        XCTAssertEqual(try store.runs(matching: RunQuery(sweep: "other")).count, 0)
        XCTAssertEqual(try store.runs(matching: RunQuery(statuses: [.completed, .failed])).count, 5)
        XCTAssertEqual(try store.run(id: ids[1]).tags, ["best one", "shallow"])
    }

    func testParseErrorsShowACaretUnderThePosition() {
        XCTAssertThrowsError(try WhereFilter(parsing: "optimizer.lr <")) { error in
            XCTAssertEqual("\(error)", "--where: expected a value, found end of expression\n  optimizer.lr <\n                ^")
        }
        XCTAssertThrowsError(try WhereFilter(parsing: "model.kind = dot and")) { error in
            XCTAssertEqual((error as? WhereError)?.position, 20)
        }
        XCTAssertThrowsError(try WhereFilter(parsing: "model.kind ~ dot")) { error in
            XCTAssertEqual((error as? WhereError)?.position, 11)
        }
        XCTAssertThrowsError(try WhereFilter(parsing: "(model.kind = dot")) { error in
            XCTAssertTrue("\(error)".contains("expected `)`"), "\(error)")
        }
        XCTAssertThrowsError(try WhereFilter(parsing: "model.kind = 'dot"))
        XCTAssertThrowsError(try WhereFilter(parsing: "valid-rmse < 1"))
        XCTAssertThrowsError(try WhereFilter(parsing: "lr > null"))
    }

    /// A control character is named, never printed: the echoed expression shows it as a
    /// space, and the caret stays under it.
    func testAControlCharacterIsNamedAndNeverPrinted() {
        XCTAssertThrowsError(try WhereFilter(parsing: "seed \u{1B}[2J= 1")) { error in
            XCTAssertEqual("\(error)", "--where: unexpected character U+001B\n  seed  [2J= 1\n       ^")
        }
        XCTAssertThrowsError(try WhereFilter(parsing: "name = 'a' and \u{202E}x = 1")) { error in
            XCTAssertTrue("\(error)".hasPrefix("--where: unexpected character U+202E\n"), "\(error)")
        }
        XCTAssertThrowsError(try WhereFilter(parsing: "seed ~ 1")) { error in
            XCTAssertTrue("\(error)".hasPrefix("--where: unexpected character `~`\n"), "\(error)")
        }
    }

    func testInjectionAttemptsAreParseErrorsOrLiteralsAndTheTablesSurvive() throws {
        let (store, path, ids) = try populatedStore()
        for attack in ["model.kind = 'x'; DROP TABLE runs; --'", "x) or 1=1 --", "model.kind = dot; DELETE FROM runs",
                       "1=1", "model.kind = dot --", "model.kind = \"a\" UNION SELECT * FROM runs"] {
            XCTAssertThrowsError(try WhereFilter(parsing: attack), attack) { error in
                XCTAssertTrue(error is WhereError, attack)
            }
        }
        let literal = "x'); DROP TABLE runs; --"
        XCTAssertEqual(try self.ids(store, "model.kind = \"\(literal)\""), [])
        XCTAssertEqual(try self.ids(store, "model.kind = 'it''s' or tag = \"a\"\"b\""), [])
        XCTAssertEqual(try store.runs(matching: RunQuery(sweep: "grid' OR '1'='1")).count, 0)
        XCTAssertEqual(try store.runs(matching: RunQuery(tag: "x' OR 1=1 --")).count, 0)
        XCTAssertEqual(try store.runs().map(\.id), ids)
        let tables = try DatabaseQueue(path: path).read { db in try db.tableExists("runs") && db.tableExists("run_params") }
        XCTAssertTrue(tables)
    }
}
