import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

/// Several real `cflab run` processes on one store: a paused owner that is reclaimed, and
/// four writers on overlapping and disjoint sweeps with a reader in a loop.
final class ContentionTests: XCTestCase {
    /// Starts `cflab run` with its stderr in a file of `folder`.
    func start(_ arguments: [String], in folder: URL, name: String) throws -> (Process, URL) {
        let errors = folder.appendingPathComponent("\(name).stderr")
        XCTAssertTrue(FileManager.default.createFile(atPath: errors.path, contents: nil))
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return (process, errors)
    }

    /// SIGSTOP one writer past the stale time, let another reclaim and finish the trial,
    /// SIGCONT the first: it stops that trial, says so, and there is exactly one
    /// `completed` run.
    func testAPausedOwnerThatWasReclaimedWritesNothingMore() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.slowRun, named: "slow.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let (first, errors) = try start(["run", file, "--store", store], in: folder, name: "first")
        try CLIRunner.waitUntil { try StoredMetrics.recordedEpochs(store: store) >= 1 }
        kill(first.processIdentifier, SIGSTOP)
        Thread.sleep(forTimeInterval: 1.5)
        let second = try CLIRunner.run(["run", file, "--store", store, "--stale-after", "1"])
        XCTAssertEqual(second.status, 0, second.stderr)
        kill(first.processIdentifier, SIGCONT)
        first.waitUntilExit()
        XCTAssertEqual(first.terminationReason, .exit)
        XCTAssertNotEqual(first.terminationStatus, 0, "its trial was taken over")
        let said = try String(contentsOf: errors, encoding: .utf8)
        XCTAssertTrue(said.contains("run 1"), said)
        let runs = try RunStore(path: store, readOnly: true).runs()
        XCTAssertEqual(runs.filter { $0.status == .completed }.count, 1, "\(runs.map(\.status))")
        XCTAssertEqual(try RunStore(path: store, readOnly: true).run(id: 1).status, .interrupted)
        XCTAssertLessThanOrEqual(try RunStore(path: store, readOnly: true).epochs(runId: 1).count, 2,
                                 "the paused owner wrote at most the epoch it was in when paused")
    }

    /// Four writers, two on one sweep and two on another, with a reader listing runs in a
    /// loop: no lock error, no lost epoch, no duplicate completed trial.
    func testFourWritersAndAReaderNeverLoseOrDuplicate() throws {
        let folder = try TemporaryFolder.make(for: self)
        let shared = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "a.yaml", in: folder)
        let other = try TemporaryFolder.write(
            CLIExperiments.tinySweep.replacingOccurrences(of: "name: tiny-sweep", with: "name: other-sweep"), named: "b.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["store", "migrate", "--store", store]).status, 1, "migrate refuses a missing store")
        var writers: [(Process, URL)] = []
        for (index, file) in [shared, shared, other, other].enumerated() {
            writers.append(try start(["run", file, "--store", store, "--jobs", "2"], in: folder, name: "w\(index)"))
        }
        var readerErrors: [String] = []
        while writers.contains(where: { $0.0.isRunning }) {
            let listing = try CLIRunner.run(["runs", "--store", store])
            if listing.status != 0, !listing.stderr.contains("no such file") { readerErrors.append(listing.stderr) }
            Thread.sleep(forTimeInterval: 0.2)
        }
        XCTAssertEqual(readerErrors, [])
        for (process, errors) in writers {
            let said = try String(contentsOf: errors, encoding: .utf8)
            XCTAssertEqual(process.terminationStatus, 0, said)
            XCTAssertFalse(said.contains("locked"), said)
        }
        let reader = try RunStore(path: store, readOnly: true)
        let runs = try reader.runs()
        let completed = runs.filter { $0.status == .completed }
        XCTAssertEqual(completed.count, 12, "6 trials in each sweep, each completed once: \(runs.map(\.status))")
        XCTAssertEqual(Set(completed.map { "\($0.sweep)|\($0.trialKey ?? "")" }).count, 12)
        for run in completed { XCTAssertEqual(try reader.epochs(runId: run.id).count, 2, "run \(run.id)") }
        XCTAssertTrue(try reader.check().isHealthy)
    }
}
