import CFTestSupport
import CFCore
import CFStore
import Foundation
import XCTest

/// Commands that read never write; commands that change runs never create a store;
/// deleting a running run needs --yes and stops its trainer; a write past `ulimit -f`
/// is one error line, not a silent death.
final class StoreSafetyTests: XCTestCase {
    func finishedSweep() throws -> (store: String, folder: URL) {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let run = try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return (store, folder)
    }

    func testReadersLeaveTheStoreBytesUnchanged() throws {
        let (store, folder) = try finishedSweep()
        let before = try KillHarness.hash(store)
        let readers: [[String]] = [
            ["runs"], ["runs", "list", "--format", "json", "--sort", "valid_rmse"], ["compare", "--sweep", "tiny-sweep"],
            ["show", "3"], ["report", "--sweep", "tiny-sweep", "--out", folder.path],
            ["export", "3", "--embeddings", folder.appendingPathComponent("export").path],
            ["inspect", "3", "--min-ratings", "0"], ["similar", "3", "--item", "5", "--min-ratings", "0"],
            ["recommend", "3", "--user", "3", "--min-ratings", "0"], ["predict", "3", "--user", "3", "--item", "5"],
        ]
        for arguments in readers {
            let output = try CLIRunner.run(arguments + ["--store", store])
            XCTAssertEqual(output.status, 0, "\(arguments): \(output.stderr)")
            XCTAssertEqual(try KillHarness.hash(store), before, "`cflab \(arguments.joined(separator: " "))` changed the store")
        }
    }

    func testCommandsOnAMissingStoreCreateNothing() throws {
        let folder = try TemporaryFolder.make(for: self)
        let store = folder.appendingPathComponent("none/runs.sqlite").path
        for arguments in [["reproduce", "1"], ["runs", "delete", "1"], ["runs", "tag", "1", "x"], ["runs"], ["show", "1"], ["compare", "--sweep", "x"]] {
            let output = try CLIRunner.run(arguments + ["--store", store])
            XCTAssertEqual(output.status, 1, "\(arguments)")
            XCTAssertEqual(output.stderr.split(separator: "\n").count, 1, "\(arguments): \(output.stderr)")
            XCTAssertTrue(output.stderr.contains(store), "\(arguments): \(output.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("none").path), "\(arguments) created the store")
        }
    }

    func testDeletingARunningRunNeedsYesAndStopsItsTrainer() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.slowRun, named: "slow.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let errors = folder.appendingPathComponent("stderr.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: errors.path, contents: nil))
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["run", file, "--store", store]
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        try CLIRunner.waitUntil { try StoredMetrics.recordedEpochs(store: store) >= 1 }

        let refused = try CLIRunner.run(["runs", "delete", "1", "--store", store])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.hasPrefix("error: run 1 is running (\(process.processIdentifier)@"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("pass --yes"), refused.stderr)
        XCTAssertEqual(try RunStore(path: store, readOnly: true).runs().count, 1, "nothing deleted")
        let preview = try CLIRunner.run(["runs", "delete", "1", "--dry-run", "--store", store])
        XCTAssertEqual(preview.status, 0, preview.stderr)
        XCTAssertEqual(preview.stdout, "would delete run 1 (slow, running)\n")
        XCTAssertEqual(try RunStore(path: store, readOnly: true).runs().count, 1, "a dry run deletes nothing")

        let deleted = try CLIRunner.run(["runs", "delete", "1", "--yes", "--store", store])
        XCTAssertEqual(deleted.status, 0, deleted.stderr)
        XCTAssertEqual(deleted.stdout, "deleted 1 run\n")
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 1)
        let said = try String(contentsOf: errors, encoding: .utf8)
        XCTAssertEqual(said.split(separator: "\n").filter { !$0.hasPrefix("note: ") }, ["error: run 1 was deleted from the store; stopped this trial"])
        let left = try RunStore(path: store, readOnly: true)
        XCTAssertEqual(try left.runs().count, 0, "the trainer wrote nothing more")
        XCTAssertTrue(try left.epochs(runId: 1).isEmpty)
    }

    /// Under `ulimit -f`, a store write past the limit fails with EFBIG (SIGXFSZ is
    /// ignored): one error line and exit 1, never a death by signal.
    func testAWritePastTheFileSizeLimitIsOneErrorLine() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        // 800 blocks (of 512 bytes under dash, 1024 under bash): enough to create the store
        // and claim a trial (its write-ahead log reaches about 320 kB), not to train the sweep (1 MB).
        shell.arguments = ["-c", "ulimit -f \(Self.fileSizeLimitBlocks) && exec \"$0\" \"$@\"", CLIRunner.binary.path,
                           "run", file, "--store", store]
        shell.currentDirectoryURL = CLIRunner.repositoryRoot
        let out = Pipe(), err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        try shell.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationReason, .exit, "killed by signal \(shell.terminationStatus)")
        XCTAssertEqual(shell.terminationStatus, 1, stdout + stderr)
        XCTAssertTrue(stderr.contains("I/O error") || stderr.contains("disk full"), stderr)
        let lines = stderr.split(separator: "\n")
        XCTAssertTrue((1...3).contains(lines.count), stderr)
        XCTAssertTrue(lines.last?.hasPrefix("error: ") == true, stderr)
        XCTAssertTrue(stderr.contains(": stopped: "), "a write after the opening failed: \(stderr)")
    }

    static let fileSizeLimitBlocks = 800
}
