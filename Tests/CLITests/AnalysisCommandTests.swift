import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// `inspect`, `similar`, `recommend` and `predict` on a tiny run trained by `cflab run`.
final class AnalysisCommandTests: XCTestCase {
    func testAnalysesOfATrainedRun() throws {
        let folder = try TemporaryFolder.make(for: self)
        let experiment = folder.appendingPathComponent("tiny.yaml")
        try RunCommandTests.tinyExperiment.write(to: experiment, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("runs.sqlite").path
        let trained = try CLIRunner.run(["run", experiment.path, "--store", store])
        XCTAssertEqual(trained.status, 0, trained.stderr)
        func cflab(_ arguments: [String]) throws -> CLIRunner.Output {
            try CLIRunner.run(arguments + ["--store", store])
        }

        let inspect = try cflab(["inspect", "1", "-n", "3", "--min-ratings", "5", "--format", "json"])
        XCTAssertEqual(inspect.status, 0, inspect.stderr)
        let tables = try JSONValue.parse(inspect.stdout)
        XCTAssertEqual(tables["highest_bias"]?.arrayValue?.count, 3)
        XCTAssertEqual(tables["variance_explained"]?.arrayValue?.count, 8)

        let similar = try cflab(["similar", "1", "--item", "5", "-n", "4", "--format", "csv"])
        XCTAssertEqual(similar.status, 0, similar.stderr)
        XCTAssertEqual(similar.stdout.split(separator: "\n").count, 6, similar.stdout)

        let users = try cflab(["similar", "1", "--user", "3", "--min-ratings", "0"])
        XCTAssertEqual(users.status, 0, users.stderr)
        XCTAssertTrue(users.stdout.contains("Items both user 3 and user"), users.stdout)

        // Recommendations never hold an item the user rated in training.
        let pairs = try XCTUnwrap(try RunStore(path: store, readOnly: true).loadModel(runId: 1).metadata.ratedPairs)
        let model = try RunStore(path: store, readOnly: true).loadModel(runId: 1)
        for rawUser in ["1", "3", "50"] {
            let recommend = try cflab(["recommend", "1", "--user", rawUser, "-n", "20", "--min-ratings", "0", "--format", "json"])
            XCTAssertEqual(recommend.status, 0, recommend.stderr)
            let rows = try XCTUnwrap(try JSONValue.parse(recommend.stdout)["recommendations"]?.arrayValue)
            XCTAssertEqual(rows.count, 20)
            let user = try XCTUnwrap(model.metadata.users.dense(rawUser))
            for row in rows {
                let item = try XCTUnwrap(row["id"]?.stringValue.flatMap(model.metadata.items.dense))
                XCTAssertNil(pairs.training.rating(user: user, item: item), "user \(rawUser) item \(item)")
            }
        }

        let predict = try cflab(["predict", "1", "--user", "3", "--item", "7", "--format", "json"])
        XCTAssertEqual(predict.status, 0, predict.stderr)
        XCTAssertNotNil(try JSONValue.parse(predict.stdout)["prediction"]?.arrayValue?.first?["predicted"]?.doubleValue)
    }

    func testErrorsAreOneLineWithExitCodeOne() throws {
        let folder = try TemporaryFolder.make(for: self)
        let experiment = folder.appendingPathComponent("tiny.yaml")
        try RunCommandTests.tinyExperiment.write(to: experiment, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", experiment.path, "--store", store]).status, 0)
        let cases: [([String], String)] = [
            (["inspect", "9"], "error: no run with id 9 in the store; `cflab runs` lists them"),
            (["recommend", "1", "--user", "9999"], "error: no user with id 9999 in this run's data; ids are the raw ids of the ratings file"),
            (["similar", "1", "--item", "Casablanca"], "error: no item with id or title matching \"Casablanca\"; try part of the title, or the raw item id"),
        ]
        for (arguments, message) in cases {
            let output = try CLIRunner.run(arguments + ["--store", store])
            XCTAssertEqual(output.status, 1, "\(arguments)")
            XCTAssertEqual(output.stderr, message + "\n", "\(arguments)")
        }
        let ambiguous = try CLIRunner.run(["similar", "1", "--item", "item 1", "--store", store])
        XCTAssertEqual(ambiguous.status, 1)
        XCTAssertTrue(ambiguous.stderr.hasPrefix("error: \"item 1\" matches"), ambiguous.stderr)
        XCTAssertTrue(ambiguous.stderr.contains("pass one id with --item"), ambiguous.stderr)

        // A global_mean baseline has nothing to read: said so, not "train it again with keep: best".
        let baselineFile = try TemporaryFolder.write(
            ExperimentYAML.synthetic(
                name: "tiny-mean", seed: 5, data: "{users: 120, items: 80, ratings: 3000, rank: 3, noise: 0.2, seed: 3}",
                split: "{kind: random, valid: 0.2}", model: "{kind: global_mean}", training: "{epochs: 1}"),
            named: "mean.yaml", in: folder)
        let baseline = try CLIRunner.run(["run", baselineFile, "--store", store])
        XCTAssertEqual(baseline.status, 0, baseline.stderr)
        for command in [["export", "2", "--embeddings", folder.appendingPathComponent("out").path], ["inspect", "2"]] {
            let output = try CLIRunner.run(command + ["--store", store])
            XCTAssertEqual(output.status, 1, "\(command)")
            XCTAssertEqual(
                output.stderr,
                "error: run 2 is a global_mean baseline: it predicts the training mean and has no parameters to read; "
                    + "pick a biases, dot, dot_bias or nn run (`cflab runs` lists them)\n", "\(command)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path), "nothing written")
    }
}
