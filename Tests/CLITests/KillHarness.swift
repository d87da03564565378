import CFTestSupport
import CFCore
import CFStore
import Foundation
import GRDB
import XCTest

/// Runs `cflab` with `CFLAB_FAULT` armed, then checks what a SIGKILL at that point left:
/// everything printed is stored, the file is intact, and a re-run finishes the job.
enum KillHarness {
    /// How a process ended and what it printed.
    struct Ended {
        let status: Int32
        /// The signal that ended it, nil for a normal exit.
        let signal: Int32?
        let stdout: String
        let stderr: String
    }

    /// One kill case: the experiment, the fault, and how `cflab run` is called.
    struct Case: CustomStringConvertible {
        let fault: String
        let sweep: Bool
        let json: Bool
        var jobs = 1

        var description: String {
            "\(fault) \(sweep ? "sweep" : "single") \(json ? "json" : "text")\(jobs > 1 ? " --jobs \(jobs)" : "")"
        }
    }

    /// A single run of 3 epochs (25 steps each) with a test part, quick in debug builds.
    static let singleRun = """
    version: 1
    name: tiny-single
    seed: 5
    data:
      source: synthetic
      synthetic: {users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}
    split: {kind: random, valid: 0.2, test: 0.1}
    model: {kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}
    optimizer: {kind: adamw, lr: 1.0e-2, weight_decay: 0.01}
    training: {epochs: 3, batch_size: 64}
    """

    /// Runs `cflab arguments` to its end (exit or signal) with `environment` added.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Ended {
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLIRunner.repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "80"
        env.removeValue(forKey: FaultPoint.variable)
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once: a full stderr pipe must not block the child.
        let stderrData = LockedData()
        let reader = Thread { stderrData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !stderrData.isSet { Thread.sleep(forTimeInterval: 0.01) }
        return Ended(
            status: process.terminationStatus,
            signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil,
            stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderrData.value, as: UTF8.self))
    }

    /// Runs one kill case in a fresh folder and checks everything; failures name the case.
    static func check(_ killCase: Case, in testCase: XCTestCase) throws {
        let folder = try TemporaryFolder.make(for: testCase)
        let file = try TemporaryFolder.write(killCase.sweep ? CLIExperiments.tinySweep : singleRun, named: "x.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        var arguments = ["run", file, "--store", store, "--jobs", String(killCase.jobs)]
        if killCase.json { arguments += ["--format", "json"] }
        let killed = try run(arguments, environment: [FaultPoint.variable: killCase.fault])
        XCTAssertEqual(killed.signal, SIGKILL, "\(killCase): not killed at its fault point; exit \(killed.status)\n\(killed.stderr)")

        if FileManager.default.fileExists(atPath: store) {
            try checkPrintedIsStored(killed, case: killCase, store: store)
            XCTAssertEqual(try integrity(of: store), "ok", "\(killCase)")
        } else {
            XCTAssertEqual(killed.stdout, "", "\(killCase): printed without a store")
        }

        // dead-owner reclaim: drop the wait once CFStore reclaims dead local owners
        Thread.sleep(forTimeInterval: 1)
        let rerun = try run(arguments + ["--stale-after", "0.5"])
        XCTAssertEqual(rerun.signal, nil, "\(killCase)")
        XCTAssertEqual(rerun.status, 0, "\(killCase): the re-run did not finish the job\n\(rerun.stdout)\(rerun.stderr)")
        try checkOneCompletedAttemptPerTrial(store: store, trials: killCase.sweep ? 6 : 1, case: killCase)
        XCTAssertEqual(try integrity(of: store), "ok", "\(killCase) after the re-run")
    }

    /// Every epoch line and every trial line printed before the kill is in the store.
    static func checkPrintedIsStored(_ killed: Ended, case killCase: Case, store path: String) throws {
        let store = try RunStore(path: path, readOnly: true)
        let lines = killed.stdout.split(separator: "\n").map(String.init)
        if killCase.json {
            let objects = lines.compactMap { try? JSONValue.parse($0) }
            XCTAssertEqual(objects.count, lines.count, "\(killCase): a line is not JSON (torn?)\n\(killed.stdout)")
            for object in objects {
                switch object["type"]?.stringValue {
                case "epoch":
                    let epoch = Int(try XCTUnwrap(object["epoch"]?.intValue))
                    let stored = try store.epochs(runId: 1).first { $0.epoch == epoch }
                    XCTAssertNotNil(stored, "\(killCase): printed epoch \(epoch) is not stored")
                    if let stored, let printed = object["metrics"]?["valid_rmse"]?.doubleValue {
                        XCTAssertEqual(stored.metrics["valid_rmse"] ?? .nan, printed, accuracy: 1e-12, "\(killCase)")
                    }
                default:
                    let runId = try XCTUnwrap(object["run_id"]?.intValue, "\(killCase): \(object.compact)")
                    let status = try store.run(id: runId).status
                    XCTAssertTrue(status.isFinished, "\(killCase): printed run \(runId) is stored as \(status)")
                }
            }
        } else if killCase.sweep {
            let printed = lines.filter { $0.hasPrefix("[") && $0.contains(": valid_rmse ") }.count
            let finished = try store.runs().filter(\.status.isFinished).count
            XCTAssertLessThanOrEqual(printed, finished, "\(killCase): \(printed) trial lines printed, \(finished) runs finished")
        } else {
            let epochs = lines.compactMap { line -> Int? in
                let fields = line.split(separator: " ")
                guard fields.count >= 8, let epoch = Int(fields[0]), Double(fields[1]) != nil else { return nil }
                return epoch
            }
            let stored = Set(try store.epochs(runId: 1).map(\.epoch))
            for epoch in epochs { XCTAssertTrue(stored.contains(epoch), "\(killCase): printed epoch \(epoch) is not stored") }
            if lines.contains(where: { $0.hasPrefix("completed") }) {
                XCTAssertEqual(try store.run(id: 1).status, .completed, "\(killCase): printed completed")
            }
        }
    }

    /// Each trial of the plan has exactly one `completed` attempt, and it is the current one.
    static func checkOneCompletedAttemptPerTrial(store path: String, trials: Int, case killCase: Case) throws {
        let runs = try RunStore(path: path, readOnly: true).runs()
        let byTrial = Dictionary(grouping: runs) { $0.trialKey ?? "-" }
        XCTAssertEqual(byTrial.count, trials, "\(killCase): trials in the store")
        for (key, attempts) in byTrial {
            let completed = attempts.filter { $0.status == .completed }
            XCTAssertEqual(completed.count, 1, "\(killCase): trial \(key.prefix(12)): \(attempts.map(\.status.rawValue))")
            XCTAssertEqual(completed.first?.isCurrent, true, "\(killCase)")
            XCTAssertFalse(attempts.contains { $0.status.isActive }, "\(killCase): a run is left active")
        }
    }

    /// `PRAGMA integrity_check` of the store file.
    static func integrity(of path: String) throws -> String {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// The SHA-256 of a file's bytes.
    static func hash(_ path: String) throws -> String {
        Digest.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Data read on another thread, handed over under a lock.
    final class LockedData: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?

        func set(_ value: Data) {
            lock.lock()
            data = value
            lock.unlock()
        }

        var isSet: Bool {
            lock.lock()
            defer { lock.unlock() }
            return data != nil
        }

        var value: Data {
            lock.lock()
            defer { lock.unlock() }
            return data ?? Data()
        }
    }
}
