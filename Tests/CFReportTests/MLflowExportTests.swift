@testable import CFReport
import CFCore
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// `cflab export --mlflow`: MLflow's file-store layout, names kept inside their folder,
/// and a folder swapped in whole or not at all.
final class MLflowExportTests: XCTestCase {
    func testTheLayoutHoldsEveryRunsParamsMetricsTagsAndConfig() throws {
        let store = try ReportFixtures.store(self).store
        let folder = try TemporaryFolder.make(for: self, prefix: "cflab-mlflow").appendingPathComponent("mlruns")
        let runs = try store.runs()
        let summary = try MLflowExport(store: store, runs: runs).write(to: folder.path)
        XCTAssertEqual(summary.runs, runs.count)
        XCTAssertEqual(summary.experiments, 2, "the sweep and Default (the baselines run outside it)")
        let experiment = MLflowExperiment(sweep: "fixture-sweep", record: nil)
        let meta = try String(contentsOf: folder.appendingPathComponent("\(experiment.id)/meta.yaml"), encoding: .utf8)
        XCTAssertTrue(meta.contains("name: \"fixture-sweep\"\n"))
        XCTAssertTrue(meta.contains("experiment_id: \"\(experiment.id)\"\n"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("0/meta.yaml").path))

        let run = try XCTUnwrap(runs.first { $0.sweep == "fixture-sweep" && $0.status == .completed })
        let exported = MLflowRun(record: run, epochs: [], experimentId: experiment.id)
        let runFolder = folder.appendingPathComponent("\(experiment.id)/\(exported.id)")
        func read(_ name: String) throws -> String { try String(contentsOf: runFolder.appendingPathComponent(name), encoding: .utf8) }
        XCTAssertEqual(exported.id.count, 32)
        XCTAssertTrue(try read("meta.yaml").contains("status: 3\n"))
        XCTAssertEqual(try read("params/model.kind"), run.config.value(atPath: "model.kind")?.stringValue)
        XCTAssertEqual(try read("params/optimizer.lr"), run.config.value(atPath: "optimizer.lr")?.compact)
        let lines = try read("metrics/valid_rmse").split(separator: "\n").map { $0.split(separator: " ") }
        let epochs = try store.epochs(runId: run.id)
        XCTAssertEqual(lines.map { Int($0[2]) }, epochs.map(\.epoch))
        XCTAssertEqual(lines.map { Double($0[1])?.bitPattern }, epochs.map { $0.metrics["valid_rmse"]?.bitPattern })
        XCTAssertEqual(lines.map { Int64($0[0]) }, epochs.map { MLflowYAML.milliseconds($0.recordedAt) })
        XCTAssertEqual(try read("tags/cflab.run_id"), String(run.id))
        XCTAssertEqual(try read("tags/cflab.status"), "completed")
        XCTAssertEqual(try read("artifacts/config.yaml"), YAMLPrinter.print(run.config))
        XCTAssertEqual(try JSONValue.parse(try read("artifacts/run.json")), RunJSON.detail(run, epochs: epochs))
    }

    func testNamesThatCouldLeaveTheFolderAreSanitised() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        let hostile = "../../etc/passwd"
        try store.registerSweep(name: hostile, sweptKeys: [], spec: .object([]))
        let config: JSONValue = .object([("../escape", .int(1)), ("model", .object([("kind", .string("dot"))])), (".hidden", .int(2))])
        let id = try store.claimTrial(sweep: hostile, trialKey: "k", newRun: SampleRuns.newRun(config, tags: ["../../tag", "/abs"])).runId
        try store.appendEpoch(runId: id, epoch: 1, metrics: ["../metric": 1.5, "valid_rmse": .nan])
        try store.finishRun(runId: id, outcome: RunOutcome(status: .failed, error: "boom\nline two"))
        let root = try TemporaryFolder.make(for: self, prefix: "cflab-mlflow")
        let folder = root.appendingPathComponent("out")
        _ = try MLflowExport(store: store, runs: try store.runs()).write(to: folder.path)
        let everything = try XCTUnwrap(FileManager.default.enumerator(atPath: root.path)).allObjects.compactMap { $0 as? String }
        XCTAssertTrue(everything.allSatisfy { $0.hasPrefix("out") }, "\(everything)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path), ["out"])
        let experiment = MLflowExperiment(sweep: hostile, record: nil)
        let run = folder.appendingPathComponent(experiment.id).appendingPathComponent(MLflowRun(record: try store.run(id: id), epochs: [], experimentId: "").id)
        let params = try FileManager.default.contentsOfDirectory(atPath: run.appendingPathComponent("params").path).sorted()
        XCTAssertEqual(params, ["_._escape", "_hidden", "model.kind"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: run.appendingPathComponent("metrics").path).sorted(),
                       ["_._metric", "valid_rmse"])
        XCTAssertTrue(try String(contentsOf: run.appendingPathComponent("metrics/valid_rmse"), encoding: .utf8).contains(" nan 1\n"))
        let meta = try String(contentsOf: folder.appendingPathComponent("\(experiment.id)/meta.yaml"), encoding: .utf8)
        XCTAssertTrue(meta.contains("name: \"../../etc/passwd\"\n"), "the name is kept as the experiment's name, quoted")
        XCTAssertEqual(try String(contentsOf: run.appendingPathComponent("tags/mlflow.note.content"), encoding: .utf8), "boom\nline two")
    }

    func testAForeignFolderIsRefusedAndAnEarlierExportReplacedWhole() throws {
        let store = try ReportFixtures.store(self).store
        let root = try TemporaryFolder.make(for: self, prefix: "cflab-mlflow")
        let foreign = root.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "keep".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try MLflowExport(store: store, runs: try store.runs()).write(to: foreign.path)) { error in
            XCTAssertTrue(String(describing: error).contains("did not write"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: foreign.path), ["notes.txt"])

        let export = root.appendingPathComponent("mlruns")
        let all = try store.runs()
        _ = try MLflowExport(store: store, runs: all).write(to: export.path)
        let first = try FileManager.default.subpathsOfDirectory(atPath: export.path).count
        _ = try MLflowExport(store: store, runs: Array(all.prefix(1))).write(to: export.path)
        let second = try FileManager.default.subpathsOfDirectory(atPath: export.path)
        XCTAssertLessThan(second.count, first, "the second export replaced the first, it did not merge")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["mine", "mlruns"], "no sibling left behind")
    }
}
