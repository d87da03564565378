import CFConfig
import CFCore
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
            XCTAssertTrue(error.isDataProblem)
            XCTAssertTrue("\(error)".contains("fingerprint abc"), "\(error)")
        }
    }
}
