import CFCore
import CFTestSupport
import Foundation
import XCTest

/// `cflab run` and `cflab config show` driven as a subprocess.
final class RunCommandTests: XCTestCase {
    static let tinyExperiment = ExperimentYAML.synthetic(
        name: "tiny", seed: 5, data: "{users: 120, items: 80, ratings: 3000, rank: 3, noise: 0.2, seed: 3}",
        split: "{kind: random, valid: 0.2, test: 0.1}", model: "{kind: dot_bias, embedding_dim: 8, y_range: [0.0, 5.5]}",
        training: "{epochs: 3, batch_size: 64}", extra: "schedule: {kind: one_cycle}")

    func jsonLines(_ text: String) throws -> [JSONValue] {
        try text.split(separator: "\n").map { try JSONValue.parse(String($0)) }
    }

    func testJSONOutputHasOneObjectPerEpochAndASummary() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(Self.tinyExperiment, named: "tiny.yaml", in: folder)
        let output = try CLIRunner.run(["run", path, "--format", "json", "--no-store"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = try jsonLines(output.stdout)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0]["type"], .string("epoch"))
        for name in ["train_loss", "train_rmse", "valid_rmse", "valid_mae", "lr", "seconds", "ratings_per_second", "cold_start"] {
            XCTAssertNotNil(lines[0]["metrics"]?[name], name)
        }
        let summary = lines[3]
        XCTAssertEqual(summary["type"], .string("summary"))
        XCTAssertEqual(summary["name"], .string("tiny"))
        XCTAssertEqual(summary["model"], .string("dot_bias"))
        XCTAssertEqual(summary["status"], .string("completed"))
        XCTAssertNotNil(summary["best"]?["valid_rmse"]?.doubleValue)
        XCTAssertNotNil(summary["test"]?["rmse"]?.doubleValue)
        XCTAssertEqual(summary["data_fingerprint"]?.stringValue?.count, 64)
    }

    func testSameFileGivesBitwiseIdenticalEpochMetrics() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(Self.tinyExperiment, named: "tiny.yaml", in: folder)
        func metrics() throws -> [String] {
            let output = try CLIRunner.run(["run", path, "--format", "json", "--no-store"])
            XCTAssertEqual(output.status, 0, output.stderr)
            return try jsonLines(output.stdout).compactMap { line -> String? in
                guard line["type"] == .string("epoch"), let metrics = line["metrics"] else { return nil }
                return metrics.removing("seconds").removing("ratings_per_second").canonical
            }
        }
        let first = try metrics()
        XCTAssertEqual(first.count, 3)
        XCTAssertEqual(first, try metrics())
    }

    func testTextOutputIsAlignedAndEndsWithASummary() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(Self.tinyExperiment, named: "tiny.yaml", in: folder)
        let output = try CLIRunner.run(["run", path, "--set", "training.epochs=2", "--no-store"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[2].hasPrefix("epoch  train_loss  train_rmse  valid_rmse"), lines[2])
        XCTAssertEqual(lines[3].count, lines[2].count)
        XCTAssertEqual(lines[4].count, lines[2].count)
        XCTAssertTrue(lines[5].hasPrefix("completed: best epoch"), lines[5])
    }

    func testEveryConfigErrorIsListedWithFileLineAndColumnAndNothingRuns() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write("""
        version: 1
        model:
          kind: dot_bias
          dropuot: 0.3
        optimizer:
          lr: -1
        """, named: "bad.yaml", in: folder)
        let output = try CLIRunner.run(["run", path])
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stdout, "")
        XCTAssertTrue(output.stderr.contains("bad.yaml:4:3: model.dropuot: unknown key"), output.stderr)
        XCTAssertTrue(output.stderr.contains("did you mean 'dropout'"), output.stderr)
        XCTAssertTrue(output.stderr.contains("bad.yaml:6:7: optimizer.lr"), output.stderr)
    }

    func testMissingFileAndMissingDataAreOneLineErrors() throws {
        let missing = try CLIRunner.run(["run", "/nonexistent/x.yaml"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/x.yaml"), missing.stderr)
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write("""
        version: 1
        data: {source: movielens, path: no-such-folder}
        """, named: "nodata.yaml", in: folder)
        let output = try CLIRunner.run(["run", path])
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stderr.split(separator: "\n").count, 1, output.stderr)
        XCTAssertTrue(output.stderr.contains("no-such-folder"), output.stderr)
    }

    func testConfigShowPrintsResolvedDefaultsAndOverrides() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(Self.tinyExperiment, named: "tiny.yaml", in: folder)
        let output = try CLIRunner.run(["config", "show", path, "--set", "optimizer.lr=0.5", "--format", "json"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try JSONValue.parse(output.stdout)
        XCTAssertEqual(json.value(atPath: "optimizer.lr")?.doubleValue, 0.5)
        XCTAssertEqual(json.value(atPath: "optimizer.weight_decay_mode"), .string("decoupled"))
        XCTAssertEqual(json.value(atPath: "training.threads")?.intValue, 1)
    }
}

/// End-of-run ranking metrics are printed, and the run's report draws what the store holds.
final class EndOfRunRankingTests: XCTestCase {
    func testARunPrintsItsRankingMetricsAndItsReportDrawsThem() throws {
        let folder = try TemporaryFolder.make(for: self)
        let yaml = ExperimentYAML.synthetic(
            name: "ranked", seed: 3, data: "{users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}",
            split: "{kind: random, valid: 0.2, test: 0.1}", model: "{kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}",
            training: "{epochs: 2, batch_size: 64}")
        let file = try TemporaryFolder.write(yaml, named: "ranked.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let run = try CLIRunner.run(["run", file, "--store", store])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("ranking (valid): coverage@10 "), run.stdout)
        XCTAssertTrue(run.stdout.contains("ranking (test): coverage@10 "), run.stdout)
        XCTAssertTrue(run.stdout.contains("trec_map@10 "), run.stdout)
        let report = try CLIRunner.run(["report", "1", "--store", store, "--out", folder.path])
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertFalse(report.stderr.contains("not drawn: ranking"), report.stderr)
        let script = try String(contentsOf: folder.appendingPathComponent("plots/run-1/ranking.gp"), encoding: .utf8)
        XCTAssertTrue(script.contains("evaluated once on the model it kept"), script)
        let page = try String(contentsOf: folder.appendingPathComponent("plots/run-1/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Regenerate with <code>cflab report 1 --store \(store) --out \(folder.path)</code>"),
                      "the exact command that made the page")
    }
}
