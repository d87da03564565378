import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

/// `cflab reproduce`: matches a finished run, reports altered metrics, refuses changed data.
final class ReproduceCommandTests: XCTestCase {
    /// A single run on a CSV file the test can rewrite.
    static let csvExperiment = """
    version: 1
    name: csv-run
    seed: 3
    data:
      source: csv
      csv: {path: ratings.csv, columns: {user: 0, item: 1, rating: 2, timestamp: 3}, header: true}
    split: {kind: random, valid: 0.2, test: 0.1}
    model: {kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}
    optimizer: {kind: adamw, lr: 1.0e-2, weight_decay: 0.01}
    training: {epochs: 2, batch_size: 32}
    """

    static func ratingsCSV(changed: Bool = false) -> String {
        var lines = ["user,item,rating,timestamp"]
        for user in 1...30 {
            for item in 1...12 where (user * 7 + item * 3) % 4 != 0 {
                let rating = Double((user + item) % 5 + 1) - (changed && user == 1 && item == 1 ? 0.5 : 0)
                lines.append("\(user),\(item),\(rating),\(1000 + user * 12 + item)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the CSV experiment, runs it once into a fresh store, returns (store path, CSV path).
    func trainedRun() throws -> (store: String, csv: String) {
        let folder = try TemporaryFolder.make(for: self)
        let csv = try TemporaryFolder.write(Self.ratingsCSV(), named: "ratings.csv", in: folder)
        let path = try TemporaryFolder.write(Self.csvExperiment, named: "csv.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        let output = try CLIRunner.run(["run", path, "--store", storePath])
        XCTAssertEqual(output.status, 0, output.stderr)
        return (storePath, csv)
    }

    func testReproduceMatchesAFinishedRunAndRecordsTheLink() throws {
        let (storePath, _) = try trainedRun()
        let output = try CLIRunner.run(["reproduce", "1", "--store", storePath])
        XCTAssertEqual(output.status, 0, output.stdout + output.stderr)
        XCTAssertTrue(output.stdout.contains("bitwise identical") || output.stdout.contains("matches within tolerance"), output.stdout)
        XCTAssertTrue(output.stdout.contains("valid_rmse"), output.stdout)
        let store = try RunStore(path: storePath, readOnly: true)
        let copy = try store.run(id: 2)
        XCTAssertEqual(copy.reproducesRunId, 1)
        XCTAssertEqual(copy.status, .completed)
        XCTAssertEqual(try store.epochs(runId: 2).count, 2)
    }

    func testReproduceFailsWithADiffWhenAStoredMetricWasAltered() throws {
        let (storePath, _) = try trainedRun()
        let database = try DatabaseQueue(path: storePath)
        try database.write { db in
            try db.execute(sql: "UPDATE epochs SET metrics = json_set(metrics, '$.valid_rmse', 0.5) WHERE run_id = 1 AND epoch = 2")
        }
        try database.close()
        let output = try CLIRunner.run(["reproduce", "1", "--store", storePath])
        XCTAssertEqual(output.status, 1, output.stdout + output.stderr)
        XCTAssertTrue(output.stdout.contains("DIFFERS: 1 of"), output.stdout)
        XCTAssertTrue(output.stdout.contains("epoch 2 valid_rmse: stored 0.5, reproduced"), output.stdout)
    }

    func testReproduceRefusesChangedDataNamingBothFingerprintsAndThePath() throws {
        let (storePath, csv) = try trainedRun()
        let original = try RunStore(path: storePath, readOnly: true).run(id: 1).dataFingerprint
        try Self.ratingsCSV(changed: true).write(toFile: csv, atomically: true, encoding: .utf8)
        let output = try CLIRunner.run(["reproduce", "1", "--store", storePath])
        XCTAssertEqual(output.status, 2, output.stdout + output.stderr)
        XCTAssertTrue(output.stderr.contains(original), output.stderr)
        XCTAssertTrue(output.stderr.contains(csv), output.stderr)
        XCTAssertTrue(output.stderr.contains("has fingerprint "), output.stderr)
        XCTAssertEqual(try RunStore(path: storePath, readOnly: true).runs().count, 1, "nothing recorded")
    }
}
