import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

/// `cflab store check` finds flipped bytes without changing the store; `store migrate`
/// upgrades a store written by cflab 0.1, which readers read without migrating.
final class StoreCommandTests: XCTestCase {
    func trainedStore() throws -> String {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(RunCommandTests.tinyExperiment, named: "tiny.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let output = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(output.status, 0, output.stderr)
        return storePath
    }

    func testCheckIsHealthyThenNamesAFlippedEpochWithoutWriting() throws {
        let storePath = try trainedStore()
        let healthy = try CLIRunner.run(["store", "check", "--store", storePath])
        XCTAssertEqual(healthy.status, 0, healthy.stdout + healthy.stderr)
        XCTAssertTrue(healthy.stdout.contains("healthy; checked 3 epochs"), healthy.stdout)
        let database = try DatabaseQueue(path: storePath)
        try database.write { db in
            try db.execute(sql: "UPDATE epochs SET metrics = replace(metrics, '\"cold_start\"', '\"cold_startX\"') WHERE run_id = 1 AND epoch = 2")
        }
        try database.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: storePath))
        let damaged = try CLIRunner.run(["store", "check", "--store", storePath])
        XCTAssertEqual(damaged.status, 1, damaged.stdout + damaged.stderr)
        XCTAssertTrue(damaged.stdout.contains("damaged: epochs: run 1 epoch 2"), damaged.stdout)
        XCTAssertTrue(damaged.stderr.contains(".recover"), damaged.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: storePath)), before, "check never writes")
    }

    func testMigrateUpgradesAFirstReleaseStoreThatReadersReadAsItIs() throws {
        let fixture = CLIRunner.repositoryRoot.appendingPathComponent("Tests/CFExperimentTests/Fixtures/semantics-1.sqlite")
        let folder = try TemporaryFolder.make(for: self)
        let copy = folder.appendingPathComponent("old.sqlite")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let before = try Data(contentsOf: copy)
        let listing = try CLIRunner.run(["runs", "--store", copy.path])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        XCTAssertTrue(listing.stdout.contains("semantics-1"), listing.stdout)
        XCTAssertEqual(try Data(contentsOf: copy), before, "a reader neither migrates nor writes")
        let migrated = try CLIRunner.run(["store", "migrate", "--store", copy.path])
        XCTAssertEqual(migrated.status, 0, migrated.stderr)
        XCTAssertTrue(migrated.stdout.contains("applied v3-semantics"), migrated.stdout)
        let again = try CLIRunner.run(["store", "migrate", "--store", copy.path])
        XCTAssertTrue(again.stdout.contains("already current"), again.stdout)
        XCTAssertEqual(try RunStore(path: copy.path, readOnly: true).runs().map(\.semantics), [1, 1, 1])
        let missing = try CLIRunner.run(["store", "check", "--store", folder.appendingPathComponent("none.sqlite").path])
        XCTAssertEqual(missing.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("none.sqlite").path))
    }
}
