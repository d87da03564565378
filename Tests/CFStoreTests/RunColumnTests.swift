@testable import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class RunColumnTests: XCTestCase {
    func testMigratedRunsTableHasExactlyTheDefinedColumnsInOrder() throws {
        let (_, path) = try TemporaryStore.make(for: self)
        let names = try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(runs)").map { $0["name"] as String }
        }
        XCTAssertEqual(names, RunColumn.allCases.map(\.rawValue))
    }

    func testEveryWhereColumnFieldIsARunsColumn() {
        XCTAssertEqual(WhereField.resolve("seconds"), .column(.durationSeconds))
        XCTAssertEqual(WhereField.resolve("reproduces"), .column(.reproducesRunId))
        XCTAssertEqual(WhereField.resolve("trial_key"), .column(.trialKey))
        XCTAssertEqual(WhereField.resolve("semantics"), .column(.semantics))
        XCTAssertEqual(WhereField.resolve("valid_rmse"), .metric(column: .bestMetrics, name: "valid_rmse"))
        for (name, column) in WhereField.columns {
            XCTAssertEqual(WhereField.resolve(name), .column(column), name)
        }
    }
}
