import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// A pruned sweep killed with SIGKILL mid-epoch and run again ends with the statuses,
/// curves and rung decisions of a sweep that was never killed, on one or two jobs.
final class PrunedSweepKillTests: XCTestCase {
    static let sweep = ExperimentYAML.synthetic(
        name: "tiny-pruned", seed: 5, data: "{users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}",
        model: "{kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}",
        training: "{epochs: 4, batch_size: 64}", extra: """
        sweep:
          parameters:
            optimizer.lr: [3.0e-3, 1.0e-2, 3.0e-2]
            model.embedding_dim: [2, 4]
          early_terminate: {kind: successive_halving, eta: 2}
        """)

    /// Each current trial as `key status epochs valid_rmse-bits`, and each decision.
    private func outcome(_ path: String) throws -> (trials: [String], rungs: [String]) {
        let store = try RunStore(path: path, readOnly: true)
        let trials = try store.runs(matching: RunQuery(sweep: "tiny-pruned", currentOnly: true)).map { run in
            let curve = try store.epochs(runId: run.id).map { String(($0.metrics["valid_rmse"] ?? .nan).bitPattern) }
            return "\(run.trialKey ?? "-") \(run.status.rawValue) \(curve.joined(separator: ","))"
        }.sorted()
        let rungs = try store.rungDecisions(sweep: "tiny-pruned").map { "\($0.trialKey) \($0.rung) \($0.promoted) \($0.rank)" }
        return (trials, rungs)
    }

    func testAKilledPrunedSweepResumesToTheSameDecisions() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(Self.sweep, named: "p.yaml", in: folder)
        let clean = folder.appendingPathComponent("clean.sqlite").path
        let whole = try KillHarness.run(["run", file, "--store", clean, "--jobs", "2"])
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let expected = try outcome(clean)
        XCTAssertEqual(expected.trials.filter { $0.contains(" pruned ") }.count, 5, "\(expected.trials)")
        XCTAssertEqual(expected.rungs.count, 6 + 3)

        for (fault, jobs) in [("mid-epoch:200", "2"), ("after-epoch-commit-before-print:5", "1")] {
            let path = folder.appendingPathComponent("killed-\(jobs).sqlite").path
            let killed = try KillHarness.run(["run", file, "--store", path, "--jobs", jobs], environment: [FaultPoint.variable: fault])
            XCTAssertEqual(killed.signal, SIGKILL, "\(fault): not killed; exit \(killed.status)\n\(killed.stderr)")
            let left = try RunStore(path: path, readOnly: true).runs(matching: RunQuery(currentOnly: true))
            XCTAssertLessThan(left.filter(\.status.isFinished).count, 6, "\(fault): killed before the sweep ended")
            XCTAssertTrue(left.contains { $0.status == .running }, "\(fault): a trial was in flight")
            let again = try KillHarness.run(["run", file, "--store", path, "--jobs", jobs == "1" ? "2" : "1"])
            XCTAssertEqual(again.status, 0, "\(fault): \(again.stdout)\(again.stderr)")
            let resumed = try outcome(path)
            XCTAssertEqual(resumed.trials, expected.trials, fault)
            XCTAssertEqual(resumed.rungs, expected.rungs, fault)
        }
    }
}
