@testable import CFStore
import CFTestSupport
import CFCore
import Foundation
import GRDB
import XCTest

final class ReadOnlyTests: XCTestCase {
    private let time = "2025-01-31T12:00:00.000Z"

    /// A store migrated only up to `migration`, holding one completed run with one epoch.
    private func olderStore(upTo migration: String) throws -> String {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: migration)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO runs (name, config_json, seed, status, created_at, split_fingerprint, best_metrics)
                VALUES ('old', '{}', 7, 'completed', '\(time)', 'split-1', '{"valid_rmse":0.9}');
                INSERT INTO epochs (run_id, epoch, recorded_at, metrics) VALUES (1, 1, '\(time)', '{"valid_rmse":0.9}');
                """)
            try DataMetadataRecord(SampleRuns.metadata(), createdAt: time).insert(db)
        }
        try queue.close()
        return path
    }

    private func fileDigest(_ path: String) throws -> String {
        Digest.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func testAReaderReadsAnOlderStoreAsItIsWithoutMigratingIt() throws {
        for migration in ["v1-views", "v2-rated-pairs", "v3-semantics"] {
            let path = try olderStore(upTo: migration)
            let before = try fileDigest(path)
            let reader = try RunStore(path: path, readOnly: true)
            let runs = try reader.runs()
            XCTAssertEqual(runs.map(\.name), ["old"], migration)
            XCTAssertEqual(runs.first?.semantics, 1, migration)
            XCTAssertEqual(try reader.epochs(runId: 1).first?.metrics, ["valid_rmse": 0.9], migration)
            XCTAssertNil(try reader.dataMetadata(splitFingerprint: "split-1")?.ratedPairs, migration)
            XCTAssertEqual(try reader.appliedMigrations().last, migration)
            let report = try reader.check()
            XCTAssertTrue(report.isHealthy, "\(report.problems)")
            XCTAssertEqual(report.uncheckedEpochs, 1, migration)
            XCTAssertEqual(try fileDigest(path), before, "\(migration): the reader wrote nothing")
        }
    }

    func testAFileWithoutCflabTablesIsRefusedByAReader() throws {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        try queue.close()
        XCTAssertThrowsError(try RunStore(path: path, readOnly: true)) { error in
            guard case .cannotOpen(path, _)? = error as? StoreError else { return XCTFail("\(error)") }
        }
    }

    func testMigrateAppliesWhatIsMissingAndSaysWhat() throws {
        let path = try olderStore(upTo: "v3-semantics")
        XCTAssertEqual(try RunStore.migrate(path: path), ["v4-exactly-once", "v4-checksums", "v5-rungs"])
        XCTAssertEqual(try RunStore.migrate(path: path), [])
        XCTAssertEqual(try RunStore(path: path, readOnly: true).runs().map(\.status), [.completed])
        let missing = path + ".missing"
        XCTAssertThrowsError(try RunStore.migrate(path: missing))
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
    }

    func testAReaderOnAWritableFolderSeesLaterCommits() throws {
        let (writer, path) = try TemporaryStore.make(for: self)
        let reader = try RunStore(path: path, readOnly: true)
        XCTAssertFalse(reader.isImmutable)
        XCTAssertFalse(StoreConnection.needsImmutable(path))
        XCTAssertEqual(try reader.runs().count, 0)
        _ = try writer.startRun(SampleRuns.newRun())
        XCTAssertEqual(try reader.runs().count, 1)
    }

    /// A folder that cannot be written: SQLite cannot create the WAL index there, so the
    /// reader opens the file immutable. Root writes through `chmod 0555`, so as root the
    /// test forces the immutable opening that the mode check would choose for anyone else.
    func testAReadOnlyFolderIsOpenedImmutableAndLeftUntouched() throws {
        let folder = try TemporaryFolder.make(for: self).appendingPathComponent("copy #1 ?%")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("runs.sqlite").path
        do {
            let store = try RunStore(path: path)
            _ = try store.startRun(SampleRuns.newRun())
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "closing the last connection checkpoints")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let digest = try fileDigest(path)
        XCTAssertEqual(chmod(folder.path, 0o555), 0)
        addTeardownBlock { chmod(folder.path, 0o755) }
        let asRoot = geteuid() == 0
        if !asRoot { XCTAssertTrue(StoreConnection.needsImmutable(path)) }
        let reader = try RunStore(path: path, readOnly: true, options: StoreOpeningOptions(forcesImmutable: asRoot))
        XCTAssertTrue(reader.isImmutable)
        XCTAssertEqual(try reader.runs().map(\.status), [.running])
        XCTAssertTrue(try reader.check().isHealthy)
        XCTAssertThrowsError(try reader.startRun(SampleRuns.newRun()))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), before, "no -shm, no -wal")
        XCTAssertEqual(try fileDigest(path), digest)
    }

    func testTheImmutableURIEscapesWhatSQLiteWouldReadAsQueryOrFragment() {
        XCTAssertEqual(StoreConnection.immutableURI("/a b/c#1?%/runs.sqlite"), "file:/a b/c%231%3f%25/runs.sqlite?immutable=1")
    }
}
