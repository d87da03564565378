import CFConfig
import CFCore
import CFData
import CFStore
import CFTraining
import Foundation

/// A stored run trained again from what the run stored, and the verdict on the match.
///
/// The config, the semantics version and the base seed of the streams all come from the
/// stored run, never from a recomputation, so runs stored by an earlier release (semantics
/// 1) reproduce under the streams they were trained with. With the same build id every
/// value must be bitwise identical; across builds within `MetricComparison.relativeTolerance`.
public struct Reproduction: Sendable {
    /// The outcome of the check.
    public enum Verdict: String, Sendable {
        case bitwiseIdentical = "bitwise identical"
        case withinTolerance = "matches within tolerance"
        case differs = "DIFFERS"
    }

    public let originalRunId: Int64
    /// The recorded reproduction, linked to the original (nil when not recorded).
    public let newRunId: Int64?
    /// Same build id: bitwise comparison.
    public let exact: Bool
    public let epochs: MetricComparison
    /// The run's best and final metrics, which hold what is evaluated once at the end
    /// (ranking metrics with `evaluation.ranking.every: end`).
    public let outcome: MetricComparison
    /// The test part's metrics (RMSE and ranking), when the original has them.
    public let test: MetricComparison?
    public let storedEpochCount: Int

    /// Values compared over epochs, best and final metrics, and test.
    public var comparedValues: Int { epochs.comparedValues + outcome.comparedValues + (test?.comparedValues ?? 0) }
    /// Every value outside the rule: epochs first, then best and final, then test.
    public var differences: [MetricComparison.Difference] { epochs.differences + outcome.differences + (test?.differences ?? []) }

    public var verdict: Verdict {
        if !differences.isEmpty { return .differs }
        return exact ? .bitwiseIdentical : .withinTolerance
    }
}

/// Prepares and trains reproductions of stored runs.
public struct Reproducer {
    public let store: RunStore
    /// The build doing the reproduction (tests pass another to exercise the tolerance rule).
    public let build: BuildInfo

    public init(store: RunStore, build: BuildInfo = .current) {
        self.store = store
        self.build = build
    }

    /// The experiment of a stored run, as it was trained: its config, its data (found by
    /// its stored fingerprint, `dataCandidates`), its semantics and its stored base seed.
    ///
    /// Throws `dataNotFound` when no candidate loads, `dataChanged` when candidates load
    /// but none has the stored fingerprint.
    public func prepare(_ original: RunRecord, dataPath: String? = nil, locator: DataLocator = DataLocator()) throws -> PreparedExperiment {
        let file: ExperimentFile
        do {
            file = try ConfigLoader.parse(yaml: original.config.canonical, fileName: "run \(original.id)")
        } catch {
            throw ReproductionError.unreadableConfig(runId: original.id, reason: "\(error)")
        }
        let semantics = RunSemantics(version: original.semantics)
        guard semantics.isKnown else { throw ReproductionError.unknownSemantics(runId: original.id, version: semantics.version) }
        let dataset = try findData(of: original, config: file.config.data, dataPath: dataPath, locator: locator)
        var preparer = ExperimentPreparer(folder: nil)
        return try preparer.prepare(file.config, dataset: dataset, semantics: semantics, baseSeed: Self.baseSeed(of: original))
    }

    /// Where a run's data is looked for, in order: `dataPath` (`--data`), the stored path,
    /// then the locator's `<root>/<name>` for the stored data name (`$CFLAB_DATA`,
    /// `./data`, `../shared/data`). Synthetic data has no location: it is generated.
    public static func dataCandidates(of original: RunRecord, dataPath: String?, locator: DataLocator) -> [String] {
        guard original.dataSource != "synthetic" else { return [] }
        var candidates = [dataPath.map { locator.absolute($0, relativeTo: locator.currentDirectory) }, original.dataPath].compactMap { $0 }
        if !original.dataName.isEmpty, original.dataSource == "movielens" {
            candidates += locator.candidates(named: original.dataName)
        }
        var seen: Set<String> = []
        return candidates.filter { seen.insert($0).inserted }
    }

    /// The first candidate whose data has the run's stored fingerprint.
    private func findData(of original: RunRecord, config: DataConfig, dataPath: String?, locator: DataLocator) throws -> Dataset {
        let candidates = Self.dataCandidates(of: original, dataPath: dataPath, locator: locator)
        if candidates.isEmpty {
            let dataset: Dataset
            do {
                dataset = try DatasetLoader.load(config, relativeTo: nil, locator: locator)
            } catch {
                throw ReproductionError.dataNotFound(runId: original.id, tried: ["\(original.dataSource) \(original.dataName)"], reason: "\(error)")
            }
            guard dataset.fingerprint == original.dataFingerprint else {
                throw ReproductionError.dataChanged(
                    runId: original.id, location: "\(original.dataSource) \(original.dataName)", found: dataset.fingerprint, stored: original.dataFingerprint)
            }
            return dataset
        }
        var changed: (location: String, fingerprint: String)?
        var lastReason = ""
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate) {
            var data = config
            data.path = candidate
            if data.source == .csv { data.csv.path = candidate }
            do {
                let dataset = try DatasetLoader.load(data, relativeTo: nil, locator: locator)
                if dataset.fingerprint == original.dataFingerprint { return dataset }
                if changed == nil { changed = (candidate, dataset.fingerprint) }
            } catch {
                lastReason = "\(candidate): \(error)"
            }
        }
        if let changed {
            throw ReproductionError.dataChanged(runId: original.id, location: changed.location, found: changed.fingerprint, stored: original.dataFingerprint)
        }
        throw ReproductionError.dataNotFound(runId: original.id, tried: candidates, reason: lastReason)
    }

    /// The stored base seed of a run's streams (`stream_seeds.run`), if it has one.
    public static func baseSeed(of run: RunRecord) -> UInt64? {
        guard case let .string(text)? = run.streamSeeds["run"] else { return nil }
        return UInt64(text)
    }

    /// Trains `original` again, records the new run linked to it when `record` is set,
    /// and compares every epoch and the test metrics.
    public func reproduce(
        _ original: RunRecord, experiment: PreparedExperiment, record: Bool = true, stop: StopRequest = StopRequest(),
        onStart: (Int64?) -> Void = { _ in }, onEpoch: (EpochReport) -> Void = { _ in }
    ) throws -> Reproduction {
        let storedEpochs = try store.epochs(runId: original.id)
        let writer = record ? StoreWriter(store: store) : nil
        let newRunId = try writer.map { _ in
            try store.startRun(experiment.newRun(reproducing: original.id, build: build), trialKey: experiment.trialKey)
        }
        onStart(newRunId)
        let trial = TrialRun(experiment: experiment, writer: writer, stop: stop)
        let outcome = trial.train(runId: newRunId, onEpoch: onEpoch)
        writer?.flush()
        let result: TrialSummary
        switch outcome {
        case let .trained(_, status, summary):
            if status == .interrupted { throw ReproductionError.interrupted(newRunId: newRunId) }
            result = summary
        case let .failed(_, message):
            throw ReproductionError.trainingFailed(message)
        case let .storeFailed(_, failure):
            throw ReproductionError.trainingFailed(failure.line)
        case .skipped:
            throw ReproductionError.trainingFailed("the reproduction was not trained")
        }
        let exact = build.id == original.buildId
        let epochs = MetricComparison(
            stored: storedEpochs.map { (label: String($0.epoch), metrics: $0.metrics) },
            reproduced: result.epochs.map { (label: String($0.epoch), metrics: $0.metrics) }, exact: exact)
        let outcomeMetrics = MetricComparison(
            stored: [(label: "best", metrics: original.bestMetrics), (label: "final", metrics: original.finalMetrics)],
            reproduced: [(label: "best", metrics: result.bestMetrics), (label: "final", metrics: result.finalMetrics)], exact: exact)
        let test = original.testMetrics.map { stored in
            MetricComparison(
                stored: [(label: "test", metrics: stored)],
                reproduced: result.testMetrics.map { [(label: "test", metrics: $0)] } ?? [], exact: exact)
        }
        return Reproduction(
            originalRunId: original.id, newRunId: newRunId, exact: exact, epochs: epochs, outcome: outcomeMetrics, test: test,
            storedEpochCount: storedEpochs.count)
    }
}
