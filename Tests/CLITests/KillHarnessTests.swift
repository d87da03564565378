import Foundation
import XCTest

/// SIGKILL at every named fault point (`CFLAB_FAULT`), single runs and sweeps, text and
/// JSON: whatever was printed is stored, the store passes `PRAGMA integrity_check`, and
/// an immediate re-run finishes with one `completed` attempt per trial.
final class KillHarnessTests: XCTestCase {
    /// Points of a single run of 3 epochs of 22 steps (`KillHarness.singleRun`).
    static let singleFaults = [
        "before-migration", "after-claim", "mid-epoch:1", "mid-epoch:30",
        "after-epoch-commit-before-print:1", "after-epoch-commit-before-print:3",
        "after-epoch-printed:1", "after-epoch-printed:3", "during-final-evaluation",
        "after-trial-commit-before-print", "after-trial-printed",
    ]

    /// Points of the 6-trial sweep (2 epochs of 25 steps each), past its first trial where it matters.
    static let sweepFaults = [
        "before-migration", "after-claim:3", "mid-epoch:60", "after-epoch-commit-before-print:4",
        "after-epoch-printed:5", "during-final-evaluation:2", "after-trial-commit-before-print:2", "after-trial-printed:3",
    ]

    func testSingleRunText() throws {
        for fault in Self.singleFaults { try KillHarness.check(.init(fault: fault, sweep: false, json: false), in: self) }
    }

    func testSingleRunJSON() throws {
        for fault in Self.singleFaults { try KillHarness.check(.init(fault: fault, sweep: false, json: true), in: self) }
    }

    func testSweepText() throws {
        for fault in Self.sweepFaults { try KillHarness.check(.init(fault: fault, sweep: true, json: false), in: self) }
    }

    func testSweepJSON() throws {
        for fault in Self.sweepFaults { try KillHarness.check(.init(fault: fault, sweep: true, json: true), in: self) }
    }

    func testSweepOnTwoThreads() throws {
        for fault in ["mid-epoch:40", "after-epoch-printed:3", "after-trial-printed:2"] {
            try KillHarness.check(.init(fault: fault, sweep: true, json: false, jobs: 2), in: self)
        }
        try KillHarness.check(.init(fault: "after-trial-commit-before-print:3", sweep: true, json: true, jobs: 2), in: self)
    }
}
