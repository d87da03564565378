import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// `cflab compare` compares only like with like: a row holds runs identical but for the
/// seed and fold, runs on different splits are never ranked together, a `--set` sweep is
/// a sweep of its own, folds give a cross-validation table, and JSON carries the test.
final class HonestComparisonTests: XCTestCase {
    static let sweep = ExperimentYAML.synthetic(
        name: "honest", seed: 5, data: "{users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}",
        model: "{kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}", training: "{epochs: 2, batch_size: 64}", extra: """
        sweep:
          parameters:
            model.dropout: [0.0, 0.3]
          seeds: [1, 2, 3]
        """)

    func trained() throws -> (folder: URL, file: String, store: String) {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(Self.sweep, named: "honest.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let run = try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return (folder, file, store)
    }

    func testASetOverrideIsASweepOfItsOwnAndNeverAddsSeeds() throws {
        let (_, file, store) = try trained()
        let again = try CLIRunner.run(["run", file, "--store", store, "--set", "training.epochs=1"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let name = "honest+" + Digest.sha256Hex("training.epochs=1").prefix(8)
        XCTAssertTrue(again.stderr.contains("note: --set makes this a sweep of its own, \(name); compare it with --sweep \(name)"), again.stderr)
        let compare = try CLIRunner.run(["compare", "--sweep", "honest", "--format", "json", "--store", store])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let json = try JSONValue.parse(compare.stdout)
        let rows = try XCTUnwrap(json["rows"]?.arrayValue)
        XCTAssertEqual(rows.map { $0["n"]?.intValue }, [3, 3], "two configurations of three seeds, the 1-epoch runs apart")
        XCTAssertEqual(json["grouping"]?.stringValue, "configurations")
        let own = try CLIRunner.run(["compare", "--sweep", name, "--format", "json", "--store", store])
        XCTAssertEqual(try JSONValue.parse(own.stdout)["rows"]?.arrayValue?.count, 2)
    }

    func testTheDefaultNeverPoolsAndAnExplicitGroupingSaysWhatItPools() throws {
        let (folder, _, store) = try trained()
        // Same sweep name, another epoch count: a different configuration, not more seeds.
        let longer = Self.sweep.replacingOccurrences(of: "epochs: 2", with: "epochs: 3")
        let file = try TemporaryFolder.write(longer, named: "longer.yaml", in: folder)
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2", "--set", "name=honest"]).status, 0)
        let table = try CLIRunner.run(["compare", "--sweep", "honest", "--format", "json", "--store", store])
        let json = try JSONValue.parse(table.stdout)
        let rows = try XCTUnwrap(json["rows"]?.arrayValue)
        XCTAssertEqual(rows.count, 4)
        XCTAssertTrue(rows.allSatisfy { $0["n"]?.intValue == 3 })
        XCTAssertTrue(rows.allSatisfy { $0["training.epochs"] != nil }, "each row names the epochs that tell it apart")

        let pooled = try CLIRunner.run(["compare", "--sweep", "honest", "--group-by", "model.dropout", "--store", store])
        XCTAssertEqual(pooled.status, 0, pooled.stderr)
        XCTAssertTrue(pooled.stdout.contains("grouped by model.dropout, pooling other settings"), pooled.stdout)
        XCTAssertTrue(pooled.stdout.contains("training.epochs (2 values)"), pooled.stdout)
        XCTAssertTrue(pooled.stdout.contains("Rows pool runs that differ in the keys under `pooled over`"), pooled.stdout)
    }

    func testRunsOnDifferentSplitsAreNeverRankedTogether() throws {
        let (folder, _, store) = try trained()
        let other = Self.sweep.replacingOccurrences(of: "valid: 0.2", with: "valid: 0.3").replacingOccurrences(of: "name: honest", with: "name: wider")
        let file = try TemporaryFolder.write(other, named: "wider.yaml", in: folder)
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"]).status, 0)
        let before = try KillHarness.hash(store)
        let mixed = try CLIRunner.run(["compare", "--where", "model.dropout = 0", "--store", store])
        XCTAssertEqual(mixed.status, 1, mixed.stdout)
        XCTAssertTrue(mixed.stderr.hasPrefix("error: the selected runs were evaluated on 2 different data or splits"), mixed.stderr)
        XCTAssertTrue(mixed.stderr.contains("3 on data synthetic"), mixed.stderr)
        XCTAssertEqual(mixed.stdout, "")
        XCTAssertEqual(try KillHarness.hash(store), before)
        XCTAssertEqual(try CLIRunner.run(["compare", "--sweep", "wider", "--store", store]).status, 0)
    }

    func testFoldsGiveACrossValidationTable() throws {
        let folder = try TemporaryFolder.make(for: self)
        let yaml = ExperimentYAML.synthetic(
            name: "cv", seed: 5, data: "{users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}",
            split: "{kind: kfold, folds: 3}", model: "{kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}",
            training: "{epochs: 2, batch_size: 64}", extra: """
            sweep:
              parameters:
                split.fold: [0, 1, 2]
                model.dropout: [0.0, 0.3]
              seeds: [1, 2]
            """)
        let file = try TemporaryFolder.write(yaml, named: "cv.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let run = try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Cross-validation: each metric is the mean ± std over folds"), "a fold sweep ends with its table: \(run.stdout)")
        let output = try CLIRunner.run(["compare", "--sweep", "cv", "--format", "json", "--store", store])
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try JSONValue.parse(output.stdout)
        let rows = try XCTUnwrap(json["rows"]?.arrayValue)
        XCTAssertEqual(rows.count, 2, "one row per dropout, over folds and seeds")
        XCTAssertEqual(rows.map { $0["n"]?.intValue }, [6, 6])
        XCTAssertEqual(rows.map { $0["folds"]?.intValue }, [3, 3])
        XCTAssertNotNil(rows[0]["seed sd in folds"]?.doubleValue)
        XCTAssertTrue(json["remarks"]?.arrayValue?.contains(.string("Cross-validation: each metric is the mean ± std over folds of the per-fold mean over seeds.")) == true)
        // The test pairs over (seed, fold): 6 pairs.
        XCTAssertEqual(json["test"]?["n"]?.intValue, 6)
        XCTAssertEqual(json["test"]?["df"]?.intValue, 5)
        for key in ["difference", "t", "p"] { XCTAssertNotNil(json["test"]?[key]?.doubleValue, key) }
        XCTAssertEqual(json["test"]?["ci95"]?.arrayValue?.count, 2)
    }

    func testASeedEnsembleRowScoresTheMeanPredictionAndNeverRanks() throws {
        let (_, _, store) = try trained()
        let output = try CLIRunner.run(["compare", "--sweep", "honest", "--ensemble", "--format", "json", "--store", store])
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try JSONValue.parse(output.stdout)
        let rows = try XCTUnwrap(json["rows"]?.arrayValue)
        XCTAssertEqual(rows.count, 4, "two configurations, each followed by its ensemble")
        let ensembles = rows.filter { $0["note"]?.stringValue?.hasPrefix("ensemble: mean prediction of these 3 runs") == true }
        XCTAssertEqual(ensembles.count, 2)
        XCTAssertTrue(ensembles.allSatisfy { $0["is_best"] == .bool(false) })
        let facts = try XCTUnwrap(json["ensembles"]?.arrayValue)
        XCTAssertEqual(facts.count, 2)
        // The mean prediction's squared error is at most the members' mean squared error.
        let runs = try JSONValue.parse(try CLIRunner.run(["compare", "--sweep", "honest", "--group-by", "none", "--format", "json", "--store", store]).stdout)
        let perRun = Dictionary(uniqueKeysWithValues: try XCTUnwrap(runs["rows"]?.arrayValue).compactMap { row -> (Int64, Double)? in
            guard let id = row["run"]?.intValue, let rmse = row["best valid RMSE"]?.doubleValue else { return nil }
            return (id, rmse)
        })
        for fact in facts {
            let members = try XCTUnwrap(fact["runs"]?.arrayValue).compactMap(\.intValue)
            XCTAssertEqual(members.count, 3)
            let meanSquare = members.compactMap { perRun[$0] }.map { $0 * $0 }.reduce(0, +) / 3
            let ensemble = try XCTUnwrap(fact["valid_rmse"]?.doubleValue)
            XCTAssertLessThanOrEqual(ensemble * ensemble, meanSquare + 1e-9, "\(fact)")
        }
    }

    func testSingleRunsValidatedOnTheirOwnSeedsSplitsAreNotRanked() throws {
        let folder = try TemporaryFolder.make(for: self)
        let store = folder.appendingPathComponent("runs.sqlite").path
        for (name, seed) in [("first", 1), ("second", 2)] {
            let yaml = ExperimentYAML.synthetic(
                name: name, seed: seed, data: "{users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}",
                model: "{kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}", training: "{epochs: 2, batch_size: 64}")
            let file = try TemporaryFolder.write(yaml, named: "\(name).yaml", in: folder)
            XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store]).status, 0)
        }
        // split.seed is null: each run's validation ratings follow its own seed.
        let mixed = try CLIRunner.run(["compare", "1", "2", "--store", store])
        XCTAssertEqual(mixed.status, 1, mixed.stdout)
        XCTAssertTrue(mixed.stderr.contains("evaluated on 2 different data or splits"), mixed.stderr)
        XCTAssertTrue(mixed.stderr.contains("\"seed\":1") && mixed.stderr.contains("\"seed\":2"), mixed.stderr)
    }

    /// A flag that varies is a JSON boolean in compare's rows (not the text "true"), and
    /// reads `true`/`false` in the table.
    func testAFlagIsAJSONBoolean() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(ExperimentYAML.synthetic(
            name: "flags", seed: 5, data: "{users: 60, items: 40, ratings: 800, rank: 2, noise: 0.2, seed: 3}",
            model: "{kind: dot_bias, embedding_dim: 4}", training: "{epochs: 1, batch_size: 64}", extra: """
            sweep:
              parameters:
                optimizer.dense: [false, true]
            """), named: "flags.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store]).status, 0)
        let compare = try CLIRunner.run(["compare", "--sweep", "flags", "--format", "json", "--store", store])
        XCTAssertEqual(compare.status, 0, compare.stderr)
        let rows = try XCTUnwrap(JSONValue.parse(compare.stdout)["rows"]?.arrayValue)
        XCTAssertEqual(Set(rows.compactMap { $0["optimizer.dense"] }), [.bool(false), .bool(true)])
        let table = try CLIRunner.run(["compare", "--sweep", "flags", "--store", store]).stdout
        XCTAssertTrue(table.contains("true") && table.contains("false"), table)
    }
}
