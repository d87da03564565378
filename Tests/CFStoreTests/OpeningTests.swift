import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class OpeningTests: XCTestCase {
    func testMigrationsApplyInOrderAndReopeningIsANoOp() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        XCTAssertEqual(try store.appliedMigrations(), [
            "v1-runs", "v1-epochs", "v1-artifacts", "v1-views", "v2-rated-pairs", "v3-semantics", "v4-exactly-once", "v4-checksums", "v5-rungs",
        ])
        let again = try RunStore(path: path)
        XCTAssertEqual(try again.appliedMigrations(), try store.appliedMigrations())
        let reader = try RunStore(path: path, readOnly: true)
        XCTAssertEqual(try reader.runs().count, 0)
    }

    func testStoreFromANewerCflabIsRefused() throws {
        let (_, path) = try TemporaryStore.make(for: self)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v3-future')") }
        try queue.close()
        for readOnly in [false, true] {
            XCTAssertThrowsError(try RunStore(path: path, readOnly: readOnly)) { error in
                XCTAssertEqual(error as? StoreError, .newerStore(path: path, migration: "v3-future"))
                XCTAssertEqual(
                    "\(error)",
                    "\(path) was written by a newer cflab (migration 'v3-future'); upgrade cflab or use another --store"
                )
            }
        }
    }

    func testAMigrationNameFromTheStoreIsPrintedWithoutItsControlCharacters() throws {
        let (_, path) = try TemporaryStore.make(for: self)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9' || char(27) || '[2J')") }
        try queue.close()
        XCTAssertThrowsError(try RunStore(path: path, readOnly: true)) { error in
            XCTAssertEqual("\(error)", "\(path) was written by a newer cflab (migration 'v9<U+001B>[2J'); upgrade cflab or use another --store")
        }
    }

    func testAFileThatIsNotADatabaseIsAOneLineError() throws {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite").path
        try Data(String(repeating: "not a database at all\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try RunStore(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .notADatabase(path: path))
            XCTAssertTrue("\(error)".hasPrefix(path))
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }

    func testALocationThatCannotBeWrittenIsAOneLineError() throws {
        let folder = try TemporaryFolder.make(for: self)
        let blocker = folder.appendingPathComponent("blocker")
        try Data("a file, not a folder".utf8).write(to: blocker)
        let path = blocker.appendingPathComponent("runs.sqlite").path
        XCTAssertThrowsError(try RunStore(path: path)) { error in
            guard case .notWritable(let reported, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(reported, path)
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }

    /// A read-only file system (here /proc, which refuses new files even to root, so the
    /// test also runs in CI as root) is a one-line error naming the path.
    func testAReadOnlyFileSystemIsAOneLineError() throws {
        #if os(Linux)
        let path = "/proc/cflab-\(UUID().uuidString)/runs.sqlite"
        #else
        let path = "/System/cflab-\(UUID().uuidString)/runs.sqlite"
        #endif
        XCTAssertThrowsError(try RunStore(path: path)) { error in
            guard case .notWritable(let reported, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(reported, path)
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }

    func testReadOnlyStoreMustExistAndRefusesWrites() throws {
        let missing = try TemporaryFolder.make(for: self).appendingPathComponent("none.sqlite").path
        XCTAssertThrowsError(try RunStore(path: missing, readOnly: true)) { error in
            XCTAssertTrue("\(error)".hasPrefix(missing), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        let (_, path) = try TemporaryStore.make(for: self)
        let reader = try RunStore(path: path, readOnly: true)
        XCTAssertThrowsError(try reader.startRun(SampleRuns.newRun())) { error in
            guard case .notWritable? = error as? StoreError else { return XCTFail("\(error)") }
        }
    }
}
