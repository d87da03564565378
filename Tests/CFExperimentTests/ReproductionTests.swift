import CFConfig
import CFCore
import CFData
import CFExperiment
import CFStore
import CFTestSupport
import Foundation
import GRDB
import XCTest

/// The reproduction verdict as data, in-process: bitwise, within tolerance, and a mismatch.
final class ReproductionTests: XCTestCase {
    /// A store holding one trained run of the tiny experiment (with a test part).
    func trainedStore() throws -> (RunStore, String) {
        let (store, path) = try TemporaryStore.make(for: self)
        let file = try Experiments.file(Experiments.yaml(), overrides: ["split.test=0.1"])
        let experiment = try PreparedExperiment.prepare(file)
        let writer = StoreWriter(store: store)
        let outcome = TrialRun(experiment: experiment, writer: writer).execute(onStart: { _ in }, onEpoch: { _ in })
        writer.flush()
        guard case .trained(1?, .completed, _) = outcome else {
            XCTFail("the run to reproduce did not train: \(outcome)")
            throw StoreError.unknownRun(id: 1)
        }
        return (store, path)
    }

    func testSameBuildIsBitwiseIdenticalAndLinked() throws {
        let (store, _) = try trainedStore()
        let original = try store.run(id: 1)
        let reproducer = Reproducer(store: store)
        let reproduction = try reproducer.reproduce(original, experiment: try reproducer.prepare(original))
        XCTAssertEqual(reproduction.verdict, .bitwiseIdentical)
        XCTAssertTrue(reproduction.exact)
        XCTAssertEqual(reproduction.storedEpochCount, 3)
        XCTAssertNotNil(reproduction.test)
        XCTAssertGreaterThan(reproduction.comparedValues, 3 * 5)
        XCTAssertTrue(reproduction.epochs.rows.allSatisfy { $0.verdict == .same })
        let copy = try store.run(id: try XCTUnwrap(reproduction.newRunId))
        XCTAssertEqual(copy.reproducesRunId, 1)
        XCTAssertEqual(copy.streamSeeds, original.streamSeeds)
        XCTAssertEqual(copy.trialKey, original.trialKey)
    }

    func testAnotherBuildIsJudgedWithinTheRelativeTolerance() throws {
        let (store, _) = try trainedStore()
        let original = try store.run(id: 1)
        let current = BuildInfo.current
        let other = BuildInfo(
            commit: "0000000000000000000000000000000000000000", dirty: false, diffDigest: nil,
            cflabVersion: current.cflabVersion, swiftVersion: current.swiftVersion, configuration: current.configuration,
            targetCPUTuning: current.targetCPUTuning, blas: current.blas)
        let reproducer = Reproducer(store: store, build: other)
        let reproduction = try reproducer.reproduce(original, experiment: try reproducer.prepare(original), record: false)
        XCTAssertFalse(reproduction.exact)
        XCTAssertEqual(reproduction.verdict, .withinTolerance)
        XCTAssertNil(reproduction.newRunId)
        XCTAssertEqual(try store.runs().count, 1, "record: false writes nothing")
    }

    func testAnAlteredStoredMetricDiffersAndNamesTheValue() throws {
        let (store, path) = try trainedStore()
        let database = try DatabaseQueue(path: path)
        try database.write { db in
            try db.execute(sql: "UPDATE epochs SET metrics = json_set(metrics, '$.valid_rmse', 0.5) WHERE run_id = 1 AND epoch = 2")
        }
        try database.close()
        let original = try store.run(id: 1)
        let reproducer = Reproducer(store: store)
        let reproduction = try reproducer.reproduce(original, experiment: try reproducer.prepare(original), record: false)
        XCTAssertEqual(reproduction.verdict, .differs)
        XCTAssertEqual(reproduction.differences.count, 1)
        XCTAssertEqual(reproduction.differences.first?.epoch, "2")
        XCTAssertEqual(reproduction.differences.first?.metric, "valid_rmse")
        XCTAssertEqual(reproduction.differences.first?.stored, 0.5)
        XCTAssertEqual(reproduction.epochs.rows.map(\.verdict), [.same, .differs, .same])
    }

    func testWithinToleranceRuleAcceptsSmallRelativeDifferencesOnly() {
        let stored = [(label: "1", metrics: ["valid_rmse": 1.0, "train_loss": 0.0, "seconds": 3.0])]
        let close = [(label: "1", metrics: ["valid_rmse": 1.0 + 5e-7, "train_loss": 1e-13, "seconds": 9.0])]
        let far = [(label: "1", metrics: ["valid_rmse": 1.0 + 5e-6, "train_loss": 0.0, "seconds": 3.0])]
        XCTAssertTrue(MetricComparison(stored: stored, reproduced: close, exact: false).differences.isEmpty)
        XCTAssertEqual(MetricComparison(stored: stored, reproduced: close, exact: true).differences.count, 2)
        XCTAssertEqual(MetricComparison(stored: stored, reproduced: far, exact: false).differences.map(\.metric), ["valid_rmse"])
        XCTAssertEqual(MetricComparison(stored: stored, reproduced: close, exact: false).metrics, ["train_loss", "valid_rmse"])
    }

    /// A store written by cflab 0.1 (semantics 1, trial-keyed sequential streams) still
    /// reproduces: the streams are rebuilt from what each run stored.
    func testRunsStoredByTheFirstReleaseStillReproduce() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/semantics-1.sqlite")
        let folder = try TemporaryFolder.make(for: self)
        let copy = folder.appendingPathComponent("runs.sqlite")
        try FileManager.default.copyItem(at: fixture, to: copy)
        let store = try RunStore(path: copy.path)
        let runs = try store.runs()
        XCTAssertGreaterThanOrEqual(runs.count, 2)
        for original in runs {
            XCTAssertEqual(original.semantics, 1, "run \(original.id)")
            let reproducer = Reproducer(store: store)
            let experiment = try reproducer.prepare(original)
            XCTAssertEqual(experiment.semantics, .original)
            XCTAssertEqual(experiment.trialKey, original.trialKey, "the semantics-1 key is unchanged")
            let reproduction = try reproducer.reproduce(original, experiment: experiment, record: false)
            XCTAssertEqual(reproduction.verdict == .differs, false, "run \(original.id): \(reproduction.differences)")
        }
    }

    func testChangedDataIsADataProblemNamingBothFingerprints() throws {
        let (store, path) = try trainedStore()
        let database = try DatabaseQueue(path: path)
        try database.write { db in try db.execute(sql: "UPDATE runs SET data_fingerprint = 'abc' WHERE id = 1") }
        try database.close()
        let original = try store.run(id: 1)
        XCTAssertThrowsError(try Reproducer(store: store).prepare(original)) { error in
            guard let error = error as? ReproductionError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.exitCode, 2)
            XCTAssertTrue("\(error)".contains("fingerprint abc"), "\(error)")
        }
    }
}

/// `reproduce` finds a run's data by its fingerprint along the search path, so a store
/// moved to another machine reproduces; every stored metric is compared.
final class ReproductionDataTests: XCTestCase {
    /// A run trained on a MovieLens-layout folder `<root>/mini`, with end-of-run ranking.
    func trainedOnFolder() throws -> (store: RunStore, root: URL, folder: URL) {
        let root = try TemporaryFolder.make(for: self)
        let folder = root.appendingPathComponent("mini")
        var options = SyntheticOptions()
        options.users = 80
        options.items = 50
        options.ratings = 2000
        try SyntheticData.writeMovieLensLayout(SyntheticData.generate(options), to: folder.path)
        let (store, _) = try TemporaryStore.make(for: self)
        let yaml = """
            version: 1
            name: mini
            seed: 4
            data: {source: movielens, name: mini, path: \(folder.path)}
            model: {kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5]}
            training: {epochs: 2, batch_size: 64}
            split: {kind: random, valid: 0.2, test: 0.1}
            evaluation: {ranking: {every: end, k: [5]}}
            """
        let experiment = try PreparedExperiment.prepare(try Experiments.file(yaml))
        let writer = StoreWriter(store: store)
        _ = TrialRun(experiment: experiment, writer: writer).execute(onStart: { _ in }, onEpoch: { _ in })
        writer.flush()
        XCTAssertEqual(try store.run(id: 1).status, .completed)
        return (store, root, folder)
    }

    func testMovedDataIsFoundByNameOnTheSearchPathOrByDataPath() throws {
        let (store, root, folder) = try trainedOnFolder()
        let original = try store.run(id: 1)
        let elsewhere = root.appendingPathComponent("moved")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: folder, to: elsewhere.appendingPathComponent("mini"))
        let reproducer = Reproducer(store: store)

        let nowhere = DataLocator(environment: [:], currentDirectory: root.path)
        XCTAssertThrowsError(try reproducer.prepare(original, locator: nowhere)) { error in
            guard let error = error as? ReproductionError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.exitCode, 3, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("cannot find the data of run 1: looked in \(folder.path), \(root.path)/data/mini"), "\(error)")
        }
        let byVariable = DataLocator(environment: ["CFLAB_DATA": elsewhere.path], currentDirectory: root.path)
        let experiment = try reproducer.prepare(original, locator: byVariable)
        XCTAssertEqual(experiment.dataset.fingerprint, original.dataFingerprint)
        let byPath = try reproducer.prepare(original, dataPath: elsewhere.appendingPathComponent("mini").path, locator: nowhere)
        XCTAssertEqual(byPath.dataset.fingerprint, original.dataFingerprint)

        let reproduction = try reproducer.reproduce(original, experiment: experiment, record: false)
        XCTAssertEqual(reproduction.verdict, .bitwiseIdentical, "\(reproduction.differences)")
        XCTAssertTrue(reproduction.outcome.metrics.contains("ndcg@5"), "end-of-run ranking is compared: \(reproduction.outcome.metrics)")
        XCTAssertTrue(try XCTUnwrap(reproduction.test).metrics.contains("ndcg@5"))
    }

    func testOtherDataUnderTheNameIsDataChanged() throws {
        let (store, _, folder) = try trainedOnFolder()
        let ratings = folder.appendingPathComponent("ratings.csv")
        let text = try String(contentsOf: ratings, encoding: .utf8)
        let lines = text.split(separator: "\n")
        try (lines.dropLast().joined(separator: "\n") + "\n").write(to: ratings, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Reproducer(store: store).prepare(try store.run(id: 1))) { error in
            guard let error = error as? ReproductionError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.exitCode, 2, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("the data at \(folder.path) has fingerprint"), "\(error)")
        }
    }
}
