@testable import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class DamageTests: XCTestCase {
    /// A closed store with a few runs, epochs and a large tensor, so that it spans many pages.
    private func filledStore() throws -> String {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite").path
        let store = try RunStore(path: path)
        for trial in 0..<4 {
            let runId = try store.claimTrial(sweep: "s", trialKey: "k\(trial)", newRun: SampleRuns.newRun()).runId
            for epoch in 1...5 { try store.appendEpoch(runId: runId, epoch: epoch, metrics: ["valid_rmse": 1 / Double(epoch)]) }
            let values = (0..<20_000).map { Float($0 + trial) }
            try store.saveParameters(runId: runId, which: .best, tensors: [ParameterTensor(name: "w", shape: [200, 100], values: values)])
            try store.finishRun(runId: runId, outcome: SampleRuns.completed(validRMSE: 0.9))
        }
        return path
    }

    private func truncate(_ path: String, to size: UInt64) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: size)
        try handle.close()
    }

    /// Opens the store read-only and reads every run, epoch and tensor, then checks it.
    private func readEverything(_ path: String) throws -> StoreCheckReport {
        let store = try RunStore(path: path, readOnly: true)
        for run in try store.runs() {
            _ = try store.epochs(runId: run.id)
            _ = try store.parameters(runId: run.id, which: .best)
        }
        return try store.check()
    }

    private func assertDamaged(_ error: Error, path: String, file: StaticString = #filePath, line: UInt = #line) {
        guard case .damaged(path, _)? = error as? StoreError else { return XCTFail("\(error)", file: file, line: line) }
        let message = "\(error)"
        XCTAssertTrue(message.hasPrefix("\(path) is damaged ("), message, file: file, line: line)
        XCTAssertTrue(message.contains("restore a backup, or recover its rows with `sqlite3 \(path) .recover"), message, file: file, line: line)
        XCTAssertFalse(message.contains("not an SQLite database"), message, file: file, line: line)
        XCTAssertFalse(message.contains("\n"), message, file: file, line: line)
    }

    func testAStoreCutInsideItsHeaderIsNamedDamaged() throws {
        let path = try filledStore()
        try truncate(path, to: 60)
        for readOnly in [true, false] {
            XCTAssertThrowsError(try RunStore(path: path, readOnly: readOnly).runs()) { error in assertDamaged(error, path: path) }
        }
    }

    func testAStoreCutInHalfIsNamedDamaged() throws {
        let path = try filledStore()
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64)
        try truncate(path, to: size / 2)
        do {
            let report = try readEverything(path)
            XCTAssertFalse(report.isHealthy, "a store missing half its pages must not pass")
        } catch {
            assertDamaged(error, path: path)
        }
    }

    func testATextFileIsStillNotADatabase() throws {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite").path
        try Data("id,rating\n1,5\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try RunStore(path: path, readOnly: true)) { error in
            XCTAssertEqual(error as? StoreError, .notADatabase(path: path))
        }
    }

    func testAFullDiskIsNamed() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let runId = try store.startRun(SampleRuns.newRun())
        try store.appendEpoch(runId: runId, epoch: 1, metrics: ["valid_rmse": 1])
        XCTAssertEqual(try store.limitPageCount(to: try store.pageCount() + 2), try store.pageCount() + 2)
        let tensor = ParameterTensor(name: "w", shape: [100_000], values: Array(repeating: 1, count: 100_000))
        XCTAssertThrowsError(try store.saveParameters(runId: runId, which: .best, tensors: [tensor])) { error in
            XCTAssertEqual(error as? StoreError, .diskFull(path: path))
            XCTAssertEqual("\(error)", "\(path) cannot be written: disk full; free some space and run again (every write committed before this one is kept)")
        }
        XCTAssertEqual(try store.parameters(runId: runId, which: .best), [], "the failed write left nothing behind")
        XCTAssertEqual(try store.epochs(runId: runId).count, 1)
    }

    func testSQLiteErrorsBecomeOneLineStoreErrors() {
        // A path that never exists: `translating` looks at the file, and a checkout's own
        // results/runs.sqlite (after scripts/quickstart) is a real store.
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("cflab-missing-\(UUID().uuidString)/runs.sqlite")
        func translated(_ code: ResultCode, _ message: String) -> StoreError {
            StoreError.translating(DatabaseError(resultCode: code, message: message), path: path)
        }
        XCTAssertEqual(translated(.SQLITE_FULL, "database or disk is full"), .diskFull(path: path))
        XCTAssertEqual(translated(.SQLITE_CORRUPT, "database disk image is malformed"), .damaged(path: path, reason: "database disk image is malformed"))
        XCTAssertEqual(
            "\(translated(.SQLITE_READONLY, "attempt to write a readonly database"))",
            "\(path) cannot be written (read-only: attempt to write a readonly database); check the folder's permissions or use another --store"
        )
        XCTAssertEqual(translated(.SQLITE_PERM, "access permission denied"), .notWritable(path: path, reason: "read-only: access permission denied"))
        XCTAssertEqual(translated(.SQLITE_NOTADB, "file is not a database"), .notADatabase(path: path), "no such file: nothing says SQLite")
    }
}
