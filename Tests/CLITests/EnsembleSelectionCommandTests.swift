import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// `cflab ensemble --select greedy` chooses members and counts on validation; listing the
/// chosen ids that many times scores the very same ensemble; `cflab refit --run ID` refits
/// each member, and the refits are averaged with the chosen counts.
final class EnsembleSelectionCommandTests: XCTestCase {
    func testGreedySelectionChoosesOnValidationAndItsMembersRefit() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(RefitCommandTests.sweep, named: "tuned.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"]).status, 0)
        let records = try RunStore(path: store, readOnly: true).runs(matching: RunQuery(sweep: "tuned"))
        XCTAssertEqual(records.count, 8)
        let bestSingle = try XCTUnwrap(records.compactMap { $0.bestMetrics["valid_rmse"] }.min())

        let selected = try CLIRunner.run(["ensemble", "--sweep", "tuned", "--select", "greedy", "--rounds", "12", "--format", "json", "--store", store])
        XCTAssertEqual(selected.status, 0, selected.stderr)
        let facts = try JSONValue.parse(selected.stdout)
        let members = try XCTUnwrap(facts["runs"]?.arrayValue).compactMap(\.intValue)
        let counts = try XCTUnwrap(facts["counts"]?.arrayValue).compactMap(\.intValue)
        XCTAssertEqual(members.count, counts.count)
        XCTAssertFalse(members.isEmpty)
        let selection = try XCTUnwrap(facts["selection"])
        let path = try XCTUnwrap(selection["path"]?.arrayValue).compactMap(\.doubleValue)
        XCTAssertEqual(path.count, 12)
        let kept = try XCTUnwrap(selection["kept"]?.intValue)
        XCTAssertEqual(counts.reduce(0, +), Int64(kept))
        XCTAssertEqual(path[Int(kept) - 1], path.min(), "the kept prefix is the best one on the path")
        // Round 1 is the best single run; the kept ensemble is never worse on validation.
        let valid = try XCTUnwrap(facts["valid"]?["rmse"]?.doubleValue)
        XCTAssertEqual(path[0], bestSingle, accuracy: 1e-6)
        XCTAssertLessThanOrEqual(valid, bestSingle + 1e-6)
        XCTAssertNotNil(facts["test"]?["rmse"]?.doubleValue, "test is reported")

        // The same ensemble, listed by hand: every id as many times as it was picked.
        let listed = zip(members, counts).flatMap { [String](repeating: String($0), count: Int($1)) }
        XCTAssertGreaterThanOrEqual(listed.count, 2, "on this sweep the selection averages more than one pick")
        do {
            let byHand = try CLIRunner.run(["ensemble"] + listed + ["--format", "json", "--store", store])
            XCTAssertEqual(byHand.status, 0, byHand.stderr)
            let again = try JSONValue.parse(byHand.stdout)
            XCTAssertEqual(again["valid"]?["rmse"]?.doubleValue, valid)
            XCTAssertEqual(again["test"]?["rmse"], facts["test"]?["rmse"])
            XCTAssertEqual(again["counts"], facts["counts"])
        }
        XCTAssertTrue(try CLIRunner.run(["ensemble", "--sweep", "tuned", "--select", "greedy", "--store", store]).stdout
            .contains("The same ensemble again: cflab ensemble \(listed.joined(separator: " "))"))

        // Refit each member for its best epoch, then average the refits with the chosen counts.
        var refitIds: [String] = []
        for (member, count) in zip(members, counts) {
            let record = try XCTUnwrap(records.first { $0.id == member })
            let out = folder.appendingPathComponent("refit-\(member).yaml").path
            let written = try CLIRunner.run(["refit", "--run", String(member), "--out", out, "--store", store])
            XCTAssertEqual(written.status, 0, written.stderr)
            XCTAssertTrue(written.stdout.contains("the configuration of run \(member)"), written.stdout)
            XCTAssertEqual(try CLIRunner.run(["run", out, "--store", store]).status, 0)
            let refit = try XCTUnwrap(try RunStore(path: store, readOnly: true).runs(matching: RunQuery(sweep: "tuned-run\(member)-refit")).first)
            XCTAssertEqual(refit.config.value(atPath: "split.refit"), .bool(true))
            XCTAssertEqual(refit.config.value(atPath: "training.epochs")?.intValue, Int64(try XCTUnwrap(record.bestEpoch)))
            XCTAssertEqual(refit.config.value(atPath: "optimizer.lr"), record.config.value(atPath: "optimizer.lr"))
            XCTAssertEqual(refit.config.value(atPath: "model.dropout"), record.config.value(atPath: "model.dropout"))
            XCTAssertEqual(refit.seed, record.seed)
            refitIds += [String](repeating: String(refit.id), count: Int(count))
        }
        do {
            let final = try CLIRunner.run(["ensemble"] + refitIds + ["--format", "json", "--store", store])
            XCTAssertEqual(final.status, 0, final.stderr)
            XCTAssertNotNil(try JSONValue.parse(final.stdout)["test"]?["rmse"]?.doubleValue)
        }

        // Refusals: a refit chooses nothing; ids listed twice with --select; --run and --sweep together.
        let refitRun = try XCTUnwrap(try RunStore(path: store, readOnly: true).runs(matching: RunQuery(sweep: "tuned-run\(members[0])-refit")).first)
        let fromRefit = try CLIRunner.run(["ensemble", String(refitRun.id), String(members[0]), "--select", "greedy", "--store", store])
        XCTAssertEqual(fromRefit.status, 1)
        XCTAssertTrue(fromRefit.stderr.contains("different splits"), fromRefit.stderr)
        let refitOfRefit = try CLIRunner.run(["refit", "--run", String(refitRun.id), "--out", folder.appendingPathComponent("x.yaml").path, "--store", store])
        XCTAssertEqual(refitOfRefit.status, 1)
        XCTAssertTrue(refitOfRefit.stderr.contains("has no best epoch on validation"), refitOfRefit.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.yaml").path))
        let twice = try CLIRunner.run(["ensemble", String(members[0]), String(members[0]), "--select", "greedy", "--store", store])
        XCTAssertEqual(twice.status, 64)
        XCTAssertTrue(twice.stderr.contains("list each candidate id once"), twice.stderr)
        let both = try CLIRunner.run(["refit", "--run", String(members[0]), "--sweep", "tuned", "--out", folder.appendingPathComponent("y.yaml").path, "--store", store])
        XCTAssertEqual(both.status, 64)
        XCTAssertTrue(both.stderr.contains("--sweep NAME or --run ID (not both)"), both.stderr)
    }

    /// `--clip` clips the mean prediction to the data's rating range, for a plain mean and
    /// for a selection: validation and test are never worse, and the output says so.
    func testClipClipsTheMeanToTheRatingRange() throws {
        let folder = try TemporaryFolder.make(for: self)
        // A sigmoid range centred above the ratings' top (0.5 to 5 stars) and a short run:
        // many predictions land above 5, where clipping can only help.
        let sweep = ExperimentYAML.synthetic(
            name: "tuned", seed: 5, data: "{users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}",
            split: "{kind: random, valid: 0.2, test: 0.2, seed: 9}",
            model: "{kind: dot_bias, embedding_dim: 4, y_range: [3.0, 9.0]}", training: "{epochs: 2, batch_size: 64}", extra: """
            sweep:
              parameters:
                optimizer.lr: [1.0e-3, 2.0e-2]
              seeds: [1, 2]
            """)
        let file = try TemporaryFolder.write(sweep, named: "tuned.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"]).status, 0)
        func facts(_ words: [String]) throws -> JSONValue {
            let output = try CLIRunner.run(["ensemble", "--sweep", "tuned"] + words + ["--format", "json", "--store", store])
            XCTAssertEqual(output.status, 0, output.stderr)
            return try JSONValue.parse(output.stdout)
        }
        for words in [[], ["--select", "greedy"]] {
            let plain = try facts(words), clipped = try facts(words + ["--clip"])
            XCTAssertEqual(plain["clipped"], .bool(false))
            XCTAssertEqual(clipped["clipped"], .bool(true))
            for part in ["valid", "test"] {
                let before = try XCTUnwrap(plain[part]?["rmse"]?.doubleValue), after = try XCTUnwrap(clipped[part]?["rmse"]?.doubleValue)
                XCTAssertLessThan(after, before, "\(words) \(part): y_range [0, 5.5] predicts beyond the ratings' range, which clipping removes")
            }
        }
        let table = try CLIRunner.run(["ensemble", "--sweep", "tuned", "--clip", "--store", store])
        XCTAssertTrue(table.stdout.contains("The mean prediction is clipped to the data's rating range (--clip)."), table.stdout)
    }
}
