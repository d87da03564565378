import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// `cflab refit`: the configuration compare chose, written as a sweep that trains it on
/// training + validation for its median best epoch, over its seeds; its runs report test.
final class RefitCommandTests: XCTestCase {
    static let sweep = ExperimentYAML.synthetic(
        name: "tuned", seed: 5, data: "{users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}",
        split: "{kind: random, valid: 0.2, test: 0.2, seed: 9}",
        model: "{kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}", training: "{epochs: 4, batch_size: 64}", extra: """
        sweep:
          parameters:
            model.dropout: [0.0, 0.5]
            optimizer.lr: [1.0e-3, 2.0e-2]
          seeds: [1, 2]
        """)

    func testTheRefitTrainsTheChosenConfigurationOnTrainingAndValidation() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(Self.sweep, named: "tuned.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"]).status, 0)

        let compare = try CLIRunner.run(["compare", "--sweep", "tuned", "--group-by", "none", "--format", "json", "--store", store])
        let runs = try XCTUnwrap(JSONValue.parse(compare.stdout)["rows"]?.arrayValue)
        let configured = try CLIRunner.run(["compare", "--sweep", "tuned", "--format", "json", "--store", store])
        let best = try XCTUnwrap(JSONValue.parse(configured.stdout)["rows"]?.arrayValue?.first)
        XCTAssertEqual(best["note"]?.stringValue, "best")
        let chosen = runs.filter { $0["model.dropout"] == best["model.dropout"] && $0["optimizer.lr"] == best["optimizer.lr"] }
        XCTAssertEqual(chosen.count, 2)
        let epochs = chosen.compactMap { $0["best epoch"]?.intValue }.sorted()
        XCTAssertEqual(epochs.count, 2)

        let out = folder.appendingPathComponent("final/refit.yaml").path
        let refit = try CLIRunner.run(["refit", "--sweep", "tuned", "--out", out, "--store", store])
        XCTAssertEqual(refit.status, 0, refit.stderr)
        XCTAssertTrue(refit.stdout.contains("trained on training + validation for \(epochs[1]) epoch"), refit.stdout)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(written.contains("refit: true"), written)

        let shown = try CLIRunner.run(["config", "show", out])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let trained = try CLIRunner.run(["run", out, "--store", store, "--format", "json"])
        XCTAssertEqual(trained.status, 0, trained.stderr)
        let refitRows = try XCTUnwrap(JSONValue.parse(
            try CLIRunner.run(["compare", "--sweep", "tuned-refit", "--group-by", "none", "--format", "json", "--store", store]).stdout
        )["rows"]?.arrayValue)
        XCTAssertEqual(refitRows.count, 2, "one run per seed of the chosen row")
        for row in refitRows {
            XCTAssertNotNil(row["test RMSE"]?.doubleValue, "\(row)")
        }
        let records = try RunStore(path: store, readOnly: true).runs(matching: RunQuery(sweep: "tuned-refit"))
        XCTAssertEqual(records.count, 2)
        for record in records {
            XCTAssertEqual(record.config.value(atPath: "split.refit"), .bool(true))
            XCTAssertEqual(record.config.value(atPath: "model.dropout"), best["model.dropout"])
            XCTAssertEqual(record.config.value(atPath: "optimizer.lr"), best["optimizer.lr"])
            XCTAssertEqual(record.config.value(atPath: "training.epochs")?.intValue, epochs[1])
            XCTAssertNil(record.bestMetrics["valid_rmse"], "nothing is left to validate on")
            XCTAssertNotNil(record.testMetrics?["rmse"])
        }

        // The refit's seed ensemble, and an ensemble across the search's runs of one split.
        let ensemble = try CLIRunner.run(["ensemble", "--sweep", "tuned-refit", "--format", "json", "--store", store])
        XCTAssertEqual(ensemble.status, 0, ensemble.stderr)
        let facts = try JSONValue.parse(ensemble.stdout)
        XCTAssertEqual(facts["runs"]?.arrayValue?.count, 2)
        XCTAssertNotNil(facts["test"]?["rmse"]?.doubleValue, ensemble.stdout)
        let searched = try XCTUnwrap(runs.first?["run"]?.intValue)
        let apart = try CLIRunner.run(["ensemble"] + records.map { String($0.id) } + [String(searched), "--store", store])
        XCTAssertEqual(apart.status, 1, "refit runs and the runs that chose them were trained on different splits")
        XCTAssertTrue(apart.stderr.contains("different splits"), apart.stderr)

        // The runner-up row, for an ensemble of the top rows; a row beyond the ranking is refused.
        let second = try CLIRunner.run(["refit", "--sweep", "tuned", "--row", "2", "--out", out + ".second", "--store", store])
        XCTAssertEqual(second.status, 0, second.stderr)
        let secondBest = try XCTUnwrap(JSONValue.parse(configured.stdout)["rows"]?.arrayValue?[1])
        let secondFile = try String(contentsOfFile: out + ".second", encoding: .utf8)
        XCTAssertTrue(secondFile.contains("name: tuned-refit-2"), secondFile)
        XCTAssertTrue(secondFile.contains("lr: \(secondBest["optimizer.lr"]?.doubleValue ?? -1)"), secondFile)
        let beyond = try CLIRunner.run(["refit", "--sweep", "tuned", "--row", "9", "--out", out + ".9", "--store", store])
        XCTAssertEqual(beyond.status, 1)
        XCTAssertTrue(beyond.stderr.contains("has 4 configurations that could be chosen; --row 9 is beyond them"), beyond.stderr)

        let again = try CLIRunner.run(["refit", "--sweep", "tuned", "--out", out, "--store", store])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("refit never overwrites a file"), again.stderr)
        let missing = try CLIRunner.run(["refit", "--sweep", "nothing", "--out", out + ".2", "--store", store])
        XCTAssertEqual(missing.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + ".2"))
    }

    /// A cross-validated row: each fold's seeds are averaged, then the folds, in compare
    /// --ensemble and cflab ensemble alike; the refit keeps the row's folds.
    func testEnsemblesOfACrossValidationAverageEachFoldThenTheFolds() throws {
        let folder = try TemporaryFolder.make(for: self)
        let yaml = Self.sweep
            .replacingOccurrences(of: "{kind: random, valid: 0.2, test: 0.2, seed: 9}", with: "{kind: kfold, folds: 3, valid: 0.2, seed: 9}")
            .replacingOccurrences(of: "model.dropout: [0.0, 0.5]\n    optimizer.lr: [1.0e-3, 2.0e-2]", with: "split.fold: [0, 1]")
        let file = try TemporaryFolder.write(yaml, named: "folds.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let trained = try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"])
        XCTAssertEqual(trained.status, 0, trained.stderr)
        let compare = try CLIRunner.run(["compare", "--sweep", "tuned", "--ensemble", "--store", store])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        XCTAssertTrue(compare.stdout.contains("ensemble: mean prediction of each fold's seeds, mean over 2 folds"), compare.stdout)
        let ensemble = try CLIRunner.run(["ensemble", "--sweep", "tuned", "--format", "json", "--store", store])
        XCTAssertEqual(ensemble.status, 0, ensemble.stderr)
        let facts = try JSONValue.parse(ensemble.stdout)
        XCTAssertEqual(facts["folds"]?.intValue, 2)
        let rows = try XCTUnwrap(facts["rows"]?.arrayValue)
        let perFold = rows.filter { ($0["run"]?.stringValue ?? "").hasPrefix("fold ") }.compactMap { $0["test_rmse"]?.doubleValue }
        XCTAssertEqual(perFold.count, 2, ensemble.stdout)
        let mean = try XCTUnwrap(facts["test"]?["rmse"]?.doubleValue)
        XCTAssertEqual(mean, perFold.reduce(0, +) / 2, accuracy: 1e-12)

        let out = folder.appendingPathComponent("refit.yaml").path
        XCTAssertEqual(try CLIRunner.run(["refit", "--sweep", "tuned", "--out", out, "--store", store]).status, 0)
        let written = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertTrue(written.contains("split.fold:"), written)
    }
}
