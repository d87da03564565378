@testable import CFStore
import CFTestSupport
import CFCore
import Foundation
import GRDB
import XCTest

/// A path that no run store can be, or a store this build must not change, is refused
/// before it is opened: nothing is created beside it and not a byte of it changes.
final class RefusedOpeningTests: XCTestCase {
    /// Every entry of `folder` with a digest of each file, to compare before and after.
    private func entries(_ folder: URL) throws -> [String: String] {
        var entries: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            let fileType = try FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType
            entries[path] = isFolder.boolValue || fileType != .typeRegular ? "not a file" : Digest.sha256Hex(try Data(contentsOf: url))
        }
        return entries
    }

    /// Opens `path` as a reader and as a writer, checks each error, and that `folder` is unchanged.
    private func assertRefused(
        _ path: String, in folder: URL, reader: StoreError?, writer: StoreError, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let before = try entries(folder)
        if let reader {
            XCTAssertThrowsError(try RunStore(path: path, readOnly: true)) { XCTAssertEqual($0 as? StoreError, reader, file: file, line: line) }
        }
        XCTAssertThrowsError(try RunStore(path: path)) { XCTAssertEqual($0 as? StoreError, writer, file: file, line: line) }
        XCTAssertThrowsError(try RunStore.migrate(path: path)) { XCTAssertEqual($0 as? StoreError, writer, file: file, line: line) }
        XCTAssertEqual(try entries(folder), before, "the refused openings wrote nothing", file: file, line: line)
    }

    func testAFolderAPipeOrADeviceIsNotAStore() throws {
        let folder = try TemporaryFolder.make(for: self)
        let directory = folder.appendingPathComponent("dir.sqlite").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let isFolder = StoreError.notAStore(path: directory, reason: "it is a folder")
        try assertRefused(directory, in: folder, reader: isFolder, writer: isFolder)

        // A reader that opened the pipe would wait for ever for a writer to it.
        let pipe = folder.appendingPathComponent("pipe.sqlite").path
        XCTAssertEqual(mkfifo(pipe, 0o644), 0)
        let irregular = StoreError.notAStore(path: pipe, reason: "it is not a regular file: a device, pipe or socket")
        try assertRefused(pipe, in: folder, reader: irregular, writer: irregular)

        XCTAssertThrowsError(try RunStore(path: "/dev/zero", readOnly: true)) { error in
            XCTAssertEqual(error as? StoreError, .notAStore(path: "/dev/zero", reason: "it is not a regular file: a device, pipe or socket"))
            XCTAssertEqual("\(error)", "/dev/zero is not a run store (it is not a regular file: a device, pipe or socket); move it aside or pass another --store")
        }
    }

    func testAWriterLeavesAnotherProgramsDatabaseAsItIs() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = folder.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE accounts (id INTEGER PRIMARY KEY); CREATE TABLE \"a\u{1B}b\" (x)") }
        try queue.close()
        let reader = StoreError.cannotOpen(path: path, reason: "it holds no cflab tables; run `cflab run` first or pass another --store")
        let writer = StoreError.notAStore(path: path, reason: "it holds tables that are not cflab's: \"a\\u{1B}b\", \"accounts\"")
        try assertRefused(path, in: folder, reader: reader, writer: writer)
    }

    func testAWriterLeavesANewerStoreAsItIs() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = folder.appendingPathComponent("runs.sqlite").path
        _ = try RunStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')")
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try queue.close()
        for name in ["runs.sqlite.lock", "runs.sqlite.owners"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        let newer = StoreError.newerStore(path: path, migration: "v9-future")
        try assertRefused(path, in: folder, reader: newer, writer: newer)
    }

    func testAWriterCreatesNothingBesideATextFileOrADamagedOne() throws {
        let folder = try TemporaryFolder.make(for: self)
        let text = folder.appendingPathComponent("text.sqlite").path
        try Data("id,rating\n1,5\n".utf8).write(to: URL(fileURLWithPath: text))
        try assertRefused(text, in: folder, reader: .notADatabase(path: text), writer: .notADatabase(path: text))

        let cut = folder.appendingPathComponent("cut.sqlite").path
        try Data("SQLite format 3\0".utf8 + [UInt8](repeating: 0xFF, count: 44)).write(to: URL(fileURLWithPath: cut))
        let before = try entries(folder)
        XCTAssertThrowsError(try RunStore(path: cut)) { error in
            guard case .damaged(cut, _)? = error as? StoreError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try entries(folder), before, "no lock file beside a damaged store")
    }

    func testAnEmptyFileOrAMissingOneStillBecomesAStore() throws {
        let folder = try TemporaryFolder.make(for: self)
        let empty = folder.appendingPathComponent("empty.sqlite").path
        XCTAssertTrue(FileManager.default.createFile(atPath: empty, contents: nil))
        XCTAssertEqual(try RunStore(path: empty).appliedMigrations().count, StoreSchema.migrator.migrations.count)
        let missing = folder.appendingPathComponent("new/runs.sqlite").path
        XCTAssertEqual(try RunStore(path: missing).appliedMigrations().count, StoreSchema.migrator.migrations.count)
    }
}
