import CFConfig
import CFCore
import CFData
import CFStore
import CFTraining

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
    /// The test part's metrics, when the original has them.
    public let test: MetricComparison?
    public let storedEpochCount: Int

    /// Values compared over epochs and test.
    public var comparedValues: Int { epochs.comparedValues + (test?.comparedValues ?? 0) }
    /// Every value outside the rule, epochs first.
    public var differences: [MetricComparison.Difference] { epochs.differences + (test?.differences ?? []) }

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

    /// The experiment of a stored run, as it was trained: its config, its data (checked
    /// against the stored fingerprint), its semantics and its stored base seed.
    public func prepare(_ original: RunRecord) throws -> PreparedExperiment {
        let file: ExperimentFile
        do {
            file = try ConfigLoader.parse(yaml: original.config.canonical, fileName: "run \(original.id)")
        } catch {
            throw ReproductionError.unreadableConfig(runId: original.id, reason: "\(error)")
        }
        let semantics = RunSemantics(version: original.semantics)
        guard semantics.isKnown else { throw ReproductionError.unknownSemantics(runId: original.id, version: semantics.version) }
        var data = file.config.data
        if let path = original.dataPath {
            data.path = path
            if data.source == .csv { data.csv.path = path }
        }
        let location = original.dataPath ?? "\(original.dataSource) \(original.dataName)"
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(data, relativeTo: nil)
        } catch {
            throw ReproductionError.dataUnavailable(runId: original.id, location: location, reason: "\(error)")
        }
        guard dataset.fingerprint == original.dataFingerprint else {
            throw ReproductionError.dataChanged(
                runId: original.id, location: location, found: dataset.fingerprint, stored: original.dataFingerprint)
        }
        var preparer = ExperimentPreparer(folder: nil)
        return try preparer.prepare(file.config, dataset: dataset, semantics: semantics, baseSeed: Self.baseSeed(of: original))
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
        let test = original.testMetrics.map { stored in
            MetricComparison(
                stored: [(label: "test", metrics: stored)],
                reproduced: result.testMetrics.map { [(label: "test", metrics: $0)] } ?? [], exact: exact)
        }
        return Reproduction(
            originalRunId: original.id, newRunId: newRunId, exact: exact, epochs: epochs, test: test,
            storedEpochCount: storedEpochs.count)
    }
}
