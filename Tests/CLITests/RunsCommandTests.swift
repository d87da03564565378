import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// `cflab runs`, `show`, `export` and `plan` over a small finished sweep.
final class RunsCommandTests: XCTestCase {
    func finishedSweep() throws -> String {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", path, "--store", storePath, "--jobs", "2"]).status, 0)
        return storePath
    }

    func testWhereInjectionIsAParseErrorOrALiteral() throws {
        let storePath = try finishedSweep()
        let injected = try CLIRunner.run(["runs", "--store", storePath, "--where", "model.kind = 'x'; DROP TABLE runs; --'"])
        XCTAssertEqual(injected.status, 1)
        XCTAssertTrue(injected.stderr.contains("--where: unexpected character `;`"), injected.stderr)
        XCTAssertTrue(injected.stderr.contains("\n  model.kind = 'x'; DROP TABLE runs; --'\n                  ^\n"), injected.stderr)
        let literal = try CLIRunner.run(["runs", "--store", storePath, "--format", "json", "--where", "model.kind = 'dot'' OR 1=1 --'"])
        XCTAssertEqual(literal.status, 0, literal.stderr)
        XCTAssertEqual(try JSONValue.parse(literal.stdout).arrayValue?.count, 0)
        XCTAssertEqual(try RunStore(path: storePath, readOnly: true).runs().count, 6, "the table is intact")
    }

    func testListFiltersSortsAndFormats() throws {
        let storePath = try finishedSweep()
        let json = try CLIRunner.run(["runs", "--store", storePath, "--format", "json", "--where", "model.kind = dot_bias and model.dropout >= 0.3",
                                      "--sort", "valid_rmse"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let runs = try XCTUnwrap(JSONValue.parse(json.stdout).arrayValue)
        XCTAssertEqual(runs.count, 2)
        let rmses = runs.compactMap { $0["best"]?["valid_rmse"]?.doubleValue }
        XCTAssertEqual(rmses, rmses.sorted())
        let csv = try CLIRunner.run(["runs", "--store", storePath, "--format", "csv", "--sweep", "tiny-sweep", "--limit", "2"])
        XCTAssertEqual(csv.stdout.split(separator: "\n").count, 3, csv.stdout)
        XCTAssertTrue(csv.stdout.hasPrefix("id,sweep,attempt,status,model,seed,model.kind,model.dropout,best_epoch"), csv.stdout)
        let markdown = try CLIRunner.run(["runs", "--store", storePath, "--format", "markdown", "--status", "completed"])
        XCTAssertTrue(markdown.stdout.contains("|---|"), markdown.stdout)
    }

    func testIdsPrintsOnlyTheIdsInTheListingsOrder() throws {
        let storePath = try finishedSweep()
        let ids = try CLIRunner.run(["runs", "--store", storePath, "--sweep", "tiny-sweep", "--sort", "valid_rmse", "--ids"])
        XCTAssertEqual(ids.status, 0, ids.stderr)
        let json = try CLIRunner.run(["runs", "--store", storePath, "--sweep", "tiny-sweep", "--sort", "valid_rmse", "--format", "json"])
        let expected = try XCTUnwrap(JSONValue.parse(json.stdout).arrayValue).compactMap { $0["id"]?.intValue }.map { "\($0)\n" }.joined()
        XCTAssertEqual(expected.split(separator: "\n").count, 6)
        XCTAssertEqual(ids.stdout, expected)
        let best = try CLIRunner.run(["runs", "--store", storePath, "--sweep", "tiny-sweep", "--sort", "valid_rmse", "--limit", "1", "--ids"])
        XCTAssertEqual(best.stdout, expected.split(separator: "\n").first.map { "\($0)\n" })
        let none = try CLIRunner.run(["runs", "--store", storePath, "--where", "model.kind = nn", "--ids"])
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertEqual(none.stdout, "")
    }

    func testTagDeleteShowAndExport() throws {
        let storePath = try finishedSweep()
        XCTAssertEqual(try CLIRunner.run(["runs", "tag", "3", "keeper", "--store", storePath]).status, 0)
        let tagged = try CLIRunner.run(["runs", "--store", storePath, "--tag", "keeper", "--format", "csv"])
        XCTAssertEqual(tagged.stdout.split(separator: "\n").count, 2, tagged.stdout)
        let deleted = try CLIRunner.run(["runs", "delete", "1", "2", "--store", storePath])
        XCTAssertEqual(deleted.stdout, "deleted 2 runs\n")
        XCTAssertEqual(try RunStore(path: storePath, readOnly: true).runs().count, 4)

        let show = try CLIRunner.run(["show", "3", "--store", storePath])
        XCTAssertEqual(show.status, 0, show.stderr)
        for part in ["run 3: tiny-sweep, completed", "data fingerprint:", "split fingerprint:", "build ", "cpu: ", "config", "epoch  train_loss"] {
            XCTAssertTrue(show.stdout.contains(part), part + "\n" + show.stdout)
        }

        let folder = try TemporaryFolder.make(for: self)
        let export = try CLIRunner.run(["export", "3", "--store", storePath, "--embeddings", folder.path])
        XCTAssertEqual(export.status, 0, export.stderr)
        let items = try String(contentsOf: folder.appendingPathComponent("items.csv"), encoding: .utf8)
        let lines = items.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, 61)
        XCTAssertTrue(lines[0].hasPrefix("dense_id,raw_id,title,genres,count,mean"), lines[0])
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("users.csv").path))
    }

    func testPlanListsVaryingKeysMergesAndTheCount() throws {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let table = try CLIRunner.run(["plan", path])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.hasPrefix("tiny-sweep: 6 trials (max_trials 500)"), table.stdout)
        XCTAssertTrue(table.stdout.contains("merged (2):"), table.stdout)
        XCTAssertFalse(table.stdout.contains("optimizer.lr"), "only keys that change")
        let json = try JSONValue.parse(try CLIRunner.run(["plan", path, "--format", "json"]).stdout)
        XCTAssertEqual(json["count"]?.intValue, 6)
        XCTAssertEqual(json["exceeds_max_trials"], .bool(false))
        XCTAssertEqual(json["merges"]?.arrayValue?.count, 2)
    }
}

/// `runs untag` and `show --format json`: the smaller things a user reaches for.
final class RunToolsTests: XCTestCase {
    func testUntagRemovesATagAndSaysWhenThereIsNone() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"]).status, 0)
        XCTAssertEqual(try CLIRunner.run(["runs", "tag", "1", "keeper", "--store", store]).stdout, "run 1: tagged keeper\n")
        let removed = try CLIRunner.run(["runs", "untag", "1", "keeper", "--store", store])
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertEqual(removed.stdout, "run 1: untagged keeper\n")
        XCTAssertFalse(try RunStore(path: store, readOnly: true).run(id: 1).tags.contains("keeper"))
        let before = try KillHarness.hash(store)
        let again = try CLIRunner.run(["runs", "untag", "1", "keeper", "--store", store])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.hasPrefix("error: run 1 has no tag `keeper`"), again.stderr)
        XCTAssertEqual(try KillHarness.hash(store), before, "nothing written")

        let shown = try CLIRunner.run(["show", "1", "--format", "json", "--store", store])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let json = try JSONValue.parse(shown.stdout)
        XCTAssertEqual(json["id"]?.intValue, 1)
        XCTAssertEqual(json["config"]?["model"]?["embedding_dim"]?.intValue, 4)
        XCTAssertEqual(json["epochs"]?.arrayValue?.count, 2)
        XCTAssertNotNil(json["epochs"]?.arrayValue?.first?["valid_rmse"]?.doubleValue)
        XCTAssertNotNil(json["provenance"]?["data_fingerprint"]?.stringValue)
        let text = try CLIRunner.run(["show", "1", "--store", store]).stdout
        XCTAssertFalse(text.contains("lr 0.0000"), "the learning rate keeps its digits: \(text)")
        XCTAssertTrue(text.contains("lr 0.01"), text)
    }
}

/// `runs delete --sweep/--where`: a selection deletes only with --yes.
final class DeleteSelectionTests: XCTestCase {
    func testASelectionIsListedRefusedWithoutYesAndDeletedWithIt() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"]).status, 0)
        let dots = try RunStore(path: store, readOnly: true).runs().filter { $0.config.value(atPath: "model.kind")?.stringValue == "dot" }
        XCTAssertEqual(dots.count, 2)
        let selection = ["runs", "delete", "--sweep", "tiny-sweep", "--where", "model.kind = dot", "--store", store]
        let before = try KillHarness.hash(store)
        let refused = try CLIRunner.run(selection)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "error: the selection holds 2 runs; nothing deleted; list them with --dry-run, then pass --yes to delete them\n")
        let preview = try CLIRunner.run(selection + ["--dry-run"])
        XCTAssertEqual(preview.stdout.split(separator: "\n").count, 2, preview.stdout)
        XCTAssertEqual(try KillHarness.hash(store), before, "neither wrote")
        let deleted = try CLIRunner.run(selection + ["--yes"])
        XCTAssertEqual(deleted.stdout, "deleted 2 runs\n", deleted.stderr)
        XCTAssertEqual(try RunStore(path: store, readOnly: true).runs().count, 4)
        XCTAssertEqual(try CLIRunner.run(["runs", "delete", "--store", store]).status, 64, "nothing named")
    }
}
