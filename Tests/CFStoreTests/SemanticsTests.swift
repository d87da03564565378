@testable import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class SemanticsTests: XCTestCase {
    func testAStoreFromBeforeTheColumnMigratesWithSemanticsOne() throws {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v2-rated-pairs")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO runs (name, config_json, seed, status, created_at)
                VALUES ('old', '{}', 7, 'completed', '2025-01-31T12:00:00.000Z')
                """)
        }
        try queue.close()
        // A reader reads it as it is: no column, semantics 1, nothing migrated.
        let reader = try RunStore(path: path, readOnly: true)
        XCTAssertEqual(try reader.runs().map(\.semantics), [1])
        XCTAssertEqual(try reader.appliedMigrations().last, "v2-rated-pairs")
        let store = try RunStore(path: path)
        // The opening that migrates reads with new columns at once (a reader that cached
        // the old schema crashed `cflab runs` on the first open after the upgrade).
        XCTAssertEqual(try store.runs().map(\.semantics), [1])
        XCTAssertTrue(try store.appliedMigrations().contains("v3-semantics"))
        let old = try store.run(id: 1)
        XCTAssertEqual(old.name, "old")
        XCTAssertEqual(old.semantics, 1)
        let summary = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT semantics FROM run_summary") }
        XCTAssertEqual(summary, 1)
    }

    func testANewRunsSemanticsRoundTripsAndDefaultsToOne() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        XCTAssertEqual(SampleRuns.newRun().semantics, 1)
        let first = try store.startRun(SampleRuns.newRun())
        var newRun = SampleRuns.newRun()
        newRun.semantics = 2
        let second = try store.claimTrial(sweep: "s", trialKey: "k", newRun: newRun).runId
        XCTAssertEqual(try store.run(id: first).semantics, 1)
        XCTAssertEqual(try store.run(id: second).semantics, 2)
        let summary = try DatabaseQueue(path: path).read { db in
            try Int.fetchAll(db, sql: "SELECT semantics FROM run_summary ORDER BY id")
        }
        XCTAssertEqual(summary, [1, 2])
    }

    func testWhereFiltersAndSortsBySemantics() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        var ids: [Int64] = []
        for semantics in [2, 1, 2] {
            var newRun = SampleRuns.newRun()
            newRun.semantics = semantics
            ids.append(try store.startRun(newRun))
        }
        let query = { (text: String) in try store.runs(matching: RunQuery(filter: WhereFilter(parsing: text))).map(\.id) }
        XCTAssertEqual(try query("semantics = 2"), [ids[0], ids[2]])
        XCTAssertEqual(try query("semantics < 2"), [ids[1]])
        XCTAssertEqual(try store.runs(matching: RunQuery(sort: "semantics")).map(\.semantics), [1, 2, 2])
    }
}
