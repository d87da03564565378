@testable import CFData
import CFConfig
import CFExperiment
import CFStore
import CFTestSupport
import CFTraining
import XCTest

/// `ExperimentPreparer.prepareAll` releases a dataset's ratings once its last split is
/// made; runs, splits and the store's data metadata are those of a preparer that keeps them.
final class PreparerReleaseTests: XCTestCase {
    private func configs(_ overrides: [[String]]) throws -> [ExperimentConfig] {
        try overrides.map { try Experiments.file(Experiments.yaml(), overrides: $0).config }
    }

    /// Every epoch's metrics but its timings, bit for bit.
    private func epochs(_ experiment: PreparedExperiment) throws -> [[String: UInt64]] {
        try experiment.trainer().run { _ in .continue }.epochs.map { epoch in
            epoch.metrics.filter { $0.key != MetricName.seconds && $0.key != MetricName.ratingsPerSecond }.mapValues(\.bitPattern)
        }
    }

    func testAReleasingPreparerTrainsBitForBitTheSame() throws {
        let config = try configs([[]])[0]
        var keeping = ExperimentPreparer(folder: nil)
        let kept = try keeping.prepare(config)
        var releasing = ExperimentPreparer(folder: nil)
        let released = try releasing.prepareAll([config])[0]
        XCTAssertFalse(kept.dataset.hasReleasedRatings)
        XCTAssertTrue(released.dataset.hasReleasedRatings)
        XCTAssertEqual(released.dataset.ratingCount, kept.dataset.ratings.count)
        XCTAssertEqual(released.dataset.fingerprint, kept.dataset.fingerprint)
        XCTAssertEqual(released.trialKey, kept.trialKey)
        XCTAssertEqual(released.split.train, kept.split.train)
        XCTAssertEqual(released.split.valid, kept.split.valid)
        XCTAssertEqual(released.split.fingerprint, kept.split.fingerprint)
        XCTAssertEqual(released.newRun().config, kept.newRun().config)
        XCTAssertEqual(released.newRun().split, kept.newRun().split)
        XCTAssertEqual(try epochs(released), try epochs(kept))
    }

    /// A sweep over split keys splits each distinct split once, from the full data, and
    /// releases after the last; the data metadata (rated pairs included) is unchanged.
    func testASweepOverSplitKeysSplitsEachOnceAndReleasesAfterTheLast() throws {
        let sweep = try configs([["split.seed=1"], ["split.seed=2", "split.test=0.1"], ["split.seed=1"], ["split.kind=per_user"]])
        var releasing = ExperimentPreparer(folder: nil)
        let experiments = try releasing.prepareAll(sweep)
        let full = try DatasetLoader.load(sweep[0].data, relativeTo: nil)
        for (config, experiment) in zip(sweep, experiments) {
            let expected = try Splitter.split(full, config: config.split, seed: config.splitSeed)
            // A prepared split keeps no timestamps (`ExperimentPreparer`), nothing else differs.
            XCTAssertEqual(experiment.split.train, expected.train.withoutTimestamps())
            XCTAssertEqual(experiment.split.valid, expected.valid.withoutTimestamps())
            XCTAssertEqual(experiment.split.test, expected.test?.withoutTimestamps())
            XCTAssertTrue(experiment.dataset.hasReleasedRatings)
        }
        XCTAssertEqual(releasing.loadedSplits.count, 3)
        for (dataset, split) in releasing.loadedSplits {
            XCTAssertTrue(dataset.hasReleasedRatings)
            XCTAssertEqual(
                DataMetadata(dataset: dataset, training: split.train, splitFingerprint: split.fingerprint, heldOut: split.heldOut),
                DataMetadata(dataset: full, training: split.train, splitFingerprint: split.fingerprint))
        }
        // A split already made serves a later prepare (a tpe batch) without reading the data again.
        let reused = try releasing.prepare(sweep[2])
        XCTAssertTrue(reused.dataset.hasReleasedRatings, "the released dataset is reused, not loaded again")
        XCTAssertEqual(reused.split.train, experiments[0].split.train)
        XCTAssertEqual(releasing.loadedSplits.count, 3)
        // A later split of the released data loads it again.
        let again = try releasing.prepare(try configs([["split.seed=3"]])[0])
        XCTAssertFalse(again.dataset.hasReleasedRatings)
        XCTAssertEqual(again.split.train, try Splitter.split(full, config: again.config.split, seed: 3).train.withoutTimestamps())
    }

    /// A predefined fold need not cover the data, so its dataset keeps its ratings.
    func testAPredefinedSplitKeepsTheRatings() throws {
        let folder = try TemporaryFolder()
        let rows = (1...30).map { "\($0 % 6 + 1)\t\($0 % 11 + 1)\t\($0 % 5 + 1)\t\(880_000_000 + $0)" }
        try folder.write("u.data", rows.joined(separator: "\n") + "\n")
        try folder.write("u1.base", rows.prefix(20).joined(separator: "\n") + "\n")
        try folder.write("u1.test", rows.suffix(8).joined(separator: "\n") + "\n")
        let yaml = Experiments.yaml().replacingOccurrences(
            of: "  source: synthetic\n  synthetic: {users: 120, items: 80, ratings: 3000, rank: 3, noise: 0.3, seed: 5}",
            with: "  source: movielens\n  path: \(folder.path)")
        let config = try Experiments.file(yaml, overrides: ["split.kind=predefined"]).config
        var preparer = ExperimentPreparer(folder: nil)
        let experiment = try preparer.prepareAll([config])[0]
        XCTAssertFalse(experiment.dataset.hasReleasedRatings)
        XCTAssertEqual(experiment.split.test?.count, 8)
    }
}
