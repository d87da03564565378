@testable import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

final class OwnerLockTests: XCTestCase {
    /// Gives run `runId` to the owner `token` on `host`, as if that process had claimed it.
    private func handOver(_ runId: Int64, to token: String, processId: Int = 424242, host: String, path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "UPDATE runs SET owner = ?, pid = ?, host = ? WHERE id = ?", arguments: [token, processId, host, runId])
        }
        try queue.close()
    }

    /// An owner lock file that nobody holds: what a killed process leaves.
    private func leaveLockFile(token: String, path: String) throws -> String {
        let lockPath = OwnerLock.path(storePath: path, token: token)
        try FileManager.default.createDirectory(atPath: OwnerLock.folder(storePath: path), withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: lockPath, contents: Data()))
        return lockPath
    }

    func testAClaimReclaimsEveryRunOfADeadOwnerOnThisHostAtOnce() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let host = store.owner.host
        let dead = "\(host):424242:deadbeef"
        let first = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        let second = try store.claimTrial(sweep: "s", trialKey: "j", newRun: SampleRuns.newRun()).runId
        try handOver(first, to: dead, host: host, path: path)
        try handOver(second, to: dead, host: host, path: path)
        let lockPath = try leaveLockFile(token: dead, path: path)
        // Both heartbeats are fresh: only the free lock says the owner is gone.
        let claim = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun())
        XCTAssertEqual(claim, .claimed(runId: second + 1))
        for runId in [first, second] {
            let run = try store.run(id: runId)
            XCTAssertEqual(run.status, .interrupted)
            XCTAssertEqual(run.error, "owner process 424242 on \(host) is gone")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath), "the dead owner's lock file is deleted")
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "j", newRun: SampleRuns.newRun()), .claimed(runId: second + 2))
    }

    func testALiveOwnerIsBusyEvenInTheSameProcess() throws {
        let (owner, path) = try TemporaryStore.make(for: self)
        let runId = try owner.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        XCTAssertTrue(FileManager.default.fileExists(atPath: OwnerLock.path(storePath: path, token: owner.owner.token)))
        XCTAssertFalse(OwnerLock.isAbandoned(storePath: path, token: owner.owner.token))
        let other = try RunStore(path: path)
        XCTAssertEqual(try other.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .busy(runId: runId))
    }

    func testWithoutALockFileOrOnAnotherHostTheHeartbeatDecides() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let local = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try handOver(local, to: "\(store.owner.host):1:nofile", host: store.owner.host, path: path)
        let remote = try store.claimTrial(sweep: "s", trialKey: "j", newRun: SampleRuns.newRun()).runId
        let elsewhere = "elsewhere.example:1:remote"
        try handOver(remote, to: elsewhere, host: "elsewhere.example", path: path)
        _ = try leaveLockFile(token: elsewhere, path: path)
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .busy(runId: local))
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "j", newRun: SampleRuns.newRun()), .busy(runId: remote))
    }

    func testAnOwnerKilledInAnotherProcessIsSeenAtOnce() throws {
        // flock(1) comes with util-linux, which every Debian system has (.ci/run installs it
        // explicitly); a machine without it fails here rather than skipping the check.
        let flockTool = try XCTUnwrap(
            ["/usr/bin/flock", "/bin/flock"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "flock(1) is needed to hold a lock from another process: apt-get install util-linux (macOS: brew install flock)")
        let (store, path) = try TemporaryStore.make(for: self)
        let token = "\(store.owner.host):999999:child"
        let runId = try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()).runId
        try handOver(runId, to: token, processId: 999999, host: store.owner.host, path: path)
        let lockPath = try leaveLockFile(token: token, path: path)
        // One process holds the lock: the shell opens the file, flock(1) locks that
        // descriptor and exits, and the shell becomes `sleep` with the descriptor open.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "exec 9>>\"$0\" && \(flockTool) 9 && exec sleep 60", lockPath]
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(10)
        while OwnerLock.isAbandoned(storePath: path, token: token) && Date() < deadline { usleep(20_000) }
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .busy(runId: runId))
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        XCTAssertEqual(try store.claimTrial(sweep: "s", trialKey: "k", newRun: SampleRuns.newRun()), .claimed(runId: runId + 1))
        XCTAssertEqual(try store.run(id: runId).error, "owner process 999999 on \(store.owner.host) is gone")
    }

    func testTheLockFileIsTakenOnTheFirstRunAndDeletedWhenTheOwnerEnds() throws {
        let path = try TemporaryFolder.make(for: self).appendingPathComponent("runs.sqlite").path
        var lockPath = ""
        do {
            let store = try RunStore(path: path)
            lockPath = OwnerLock.path(storePath: path, token: store.owner.token)
            XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath), "opening alone takes no lock")
            _ = try store.startRun(SampleRuns.newRun())
            XCTAssertTrue(FileManager.default.fileExists(atPath: lockPath))
            let reader = try RunStore(path: path, readOnly: true)
            XCTAssertNil(reader.ownerLock)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath))
    }

    func testReleasingTheOwnerLockDeletesItsFileUntilTheNextRun() throws {
        let (store, path) = try TemporaryStore.make(for: self)
        let lockPath = OwnerLock.path(storePath: path, token: store.owner.token)
        _ = try store.startRun(SampleRuns.newRun())
        store.releaseOwnerLock()
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockPath))
        _ = try store.startRun(SampleRuns.newRun())
        XCTAssertFalse(OwnerLock.isAbandoned(storePath: path, token: store.owner.token))
    }
}
