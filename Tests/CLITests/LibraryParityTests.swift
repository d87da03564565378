import CFConfig
import CFCore
import CFExperiment
import CFStore
import CFTestSupport
import CFTraining
import Foundation
import XCTest

/// One way to train a config: a program built on `CFExperiment` gets bit-identical
/// per-epoch metrics to `cflab run` on the same file.
final class LibraryParityTests: XCTestCase {
    static func experiment(kind: String, model: String) -> String {
        ExperimentYAML.synthetic(
            name: "parity-\(kind)", seed: 8, data: "{users: 100, items: 70, ratings: 2500, rank: 3, noise: 0.3, seed: 2}",
            split: "{kind: random, valid: 0.2, test: 0.1}", model: "{kind: \(kind), embedding_dim: 5\(model)}",
            training: "{epochs: 3, batch_size: 50}",
            extra: "schedule: {kind: one_cycle}\nevaluation: {ranking: {k: [5], every: epoch}}")
    }

    static let cases = [
        ("dot", ""),
        ("dot_bias", ", y_range: [0.0, 5.5], dropout: {user: 0.3, item: 0.5}"),
        ("nn", ", y_range: [0.0, 5.5], layers: [8, 4], dropout: 0.1"),
    ]

    /// Every metric but the timings, as bit patterns, epoch by epoch.
    static func figures(_ epochs: [[String: Double]]) -> [[String: UInt64]] {
        epochs.map { metrics in
            metrics.filter { !MetricName.timings.contains($0.key) }.mapValues(\.bitPattern)
        }
    }

    func testSingleRunsMatchTheLibraryBitForBit() throws {
        let folder = try TemporaryFolder.make(for: self)
        for (kind, model) in Self.cases {
            let yaml = Self.experiment(kind: kind, model: model)
            let path = try TemporaryFolder.write(yaml, named: "\(kind).yaml", in: folder)
            let output = try CLIRunner.run(["run", path, "--format", "json", "--no-store"])
            XCTAssertEqual(output.status, 0, output.stderr)
            let lines = try output.stdout.split(separator: "\n").map { try JSONValue.parse(String($0)) }
            let cli = lines.filter { $0["type"] == .string("epoch") }.map { line -> [String: Double] in
                guard case let .object(pairs)? = line["metrics"] else { return [:] }
                return Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.doubleValue.map { (key, $0) } })
            }
            let experiment = try PreparedExperiment.prepare(try ConfigLoader.load(path: path))
            let library = try experiment.trainer().run { _ in .continue }
            XCTAssertEqual(cli.count, 3, kind)
            XCTAssertEqual(Self.figures(cli), Self.figures(library.epochs.map(\.metrics)), kind)
            XCTAssertEqual(lines.last?["trial_key"]?.stringValue, experiment.trialKey, kind)
        }
    }

    func testASweepRecordedByTheCLIMatchesTheSweepRunner() throws {
        let folder = try TemporaryFolder.make(for: self)
        let yaml = Self.experiment(kind: "dot_bias", model: ", y_range: [0.0, 5.5]") + """

            sweep:
              method: grid
              parameters:
                model.embedding_dim: [3, 6]
              seeds: [1, 2]
            """
        let path = try TemporaryFolder.write(yaml, named: "sweep.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let output = try CLIRunner.run(["run", path, "--store", storePath, "--jobs", "2"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let file = try ConfigLoader.load(path: path)
        var preparer = ExperimentPreparer(file: file)
        let experiments = try SweepExpander.expand(file).trials.map { try preparer.prepare($0.config) }
        let store = try RunStore(path: storePath, readOnly: true)
        let runs = try store.runs()
        XCTAssertEqual(runs.count, experiments.count)
        for experiment in experiments {
            let run = try XCTUnwrap(runs.first { $0.trialKey == experiment.trialKey })
            let stored = try store.epochs(runId: run.id).map(\.metrics)
            let library = try experiment.trainer().run { _ in .continue }
            XCTAssertEqual(Self.figures(stored), Self.figures(library.epochs.map(\.metrics)))
            XCTAssertEqual(run.semantics, RunSemantics.current.version)
        }
    }
}
