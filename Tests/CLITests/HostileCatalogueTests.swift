import CFTestSupport
import Foundation
import XCTest

/// Every row of the hostile-input catalogue (Catalogue/catalogue.txt), run through the
/// built `cflab`: its exit status, its located message, and nothing written.
///
/// bench/hostile runs the same rows against the release build and bounds each one's time
/// and peak memory.
final class HostileCatalogueTests: XCTestCase {
    /// Rows run at once (each is a process, mostly waiting on its start-up).
    static let lanes = 4
    /// A row still running after this long has hung: it is killed and fails.
    static let hangSeconds: TimeInterval = 60

    func testTheCatalogueHasEightyRowsInEveryGroup() throws {
        let catalogue = try HostileCatalogue.load()
        XCTAssertGreaterThanOrEqual(catalogue.rows.count, 80)
        for group in HostileCatalogue.groups {
            XCTAssertFalse(catalogue.rows.filter { $0.group == group }.isEmpty, "no \(group) rows")
        }
    }

    func testEveryRowIsRefusedWithItsMessageAndWritesNothing() throws {
        let catalogue = try HostileCatalogue.load()
        let preparedStore = try prepareStore(catalogue.prepare)
        let scratch = try TemporaryFolder.make(for: self)
        let failures = RowFailures()
        let rows = catalogue.rows
        let group = DispatchGroup()
        for lane in 0..<Self.lanes {
            group.enter()
            Thread.detachNewThread {
                for index in stride(from: lane, to: rows.count, by: Self.lanes) {
                    let row = rows[index]
                    let folder = CatalogueFolder(url: scratch.appendingPathComponent("row-\(index)"), preparedStore: preparedStore)
                    do {
                        failures.add(row, try Self.problems(running: row, in: folder))
                    } catch {
                        failures.add(row, ["could not run: \(error)"])
                    }
                    try? FileManager.default.removeItem(at: folder.url)
                }
                group.leave()
            }
        }
        group.wait()
        let report = failures.report()
        XCTAssertTrue(report.isEmpty, "\(failures.count) of \(rows.count) catalogue rows failed:\n\(report)")
    }

    /// Runs the prepare row once and returns a folder holding only the store it left.
    private func prepareStore(_ row: HostileCatalogue.Row) throws -> URL {
        let work = CatalogueFolder(url: try TemporaryFolder.make(for: self), preparedStore: nil)
        try work.write(row)
        let output = try CLIRunner.run(try work.words(of: row), in: work.url, environment: Self.environment(work.url), timeout: Self.hangSeconds)
        XCTAssertEqual(output.status, row.exit, "the prepare row: \(output.stderr)")
        let prepared = try TemporaryFolder.make(for: self)
        for entry in try FileManager.default.contentsOfDirectory(atPath: work.url.path) where entry.hasPrefix(CatalogueFolder.preparedStoreName) {
            try FileManager.default.moveItem(at: work.url.appendingPathComponent(entry), to: prepared.appendingPathComponent(entry))
        }
        let store = prepared.appendingPathComponent(CatalogueFolder.preparedStoreName).path
        XCTAssertTrue(FileManager.default.fileExists(atPath: store), "the prepare row left no \(CatalogueFolder.preparedStoreName)")
        return prepared
    }

    /// The environment of every row: CFLAB_DATA inside its folder, no fault armed.
    static func environment(_ folder: URL) -> [String: String] {
        ["CFLAB_DATA": folder.appendingPathComponent("data").path, "CFLAB_FAULT": "", "CFLAB_STORE_TIMING": ""]
    }

    /// Materialises `row` in `folder`, runs it, and says what it did differently from the catalogue.
    static func problems(running row: HostileCatalogue.Row, in folder: CatalogueFolder) throws -> [String] {
        try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        try folder.write(row)
        let words = try folder.words(of: row)
        let before = try folder.snapshot()
        let output = try CLIRunner.run(words, in: folder.url, environment: environment(folder.url), timeout: hangSeconds)
        let after = try folder.snapshot()
        return RowCheck(row: row, output: output).problems + RowCheck.writes(before: before, after: after)
    }
}

/// The failures of catalogue rows, gathered from several threads.
final class RowFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [(line: Int, text: String)] = []

    func add(_ row: HostileCatalogue.Row, _ problems: [String]) {
        guard !problems.isEmpty else { return }
        lock.withLock { failures.append((row.line, "catalogue.txt:\(row.line): \(row.label): " + problems.joined(separator: "; "))) }
    }

    var count: Int { lock.withLock { failures.count } }

    /// One line per failed row, in catalogue order.
    func report() -> String {
        lock.withLock { failures.sorted { $0.line < $1.line }.map(\.text).joined(separator: "\n") }
    }
}
