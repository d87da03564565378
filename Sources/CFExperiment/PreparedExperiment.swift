import CFConfig
import CFCore
import CFData
import CFModels
import CFTraining

/// An experiment ready to train: its config, data, split, trial key, semantics and random streams.
///
/// The one way to train a config: `cflab run`, `cflab reproduce` and any program built on
/// this library prepare it here and train it with `trainer()`, so they get bit-identical
/// per-epoch metrics for the same file.
public struct PreparedExperiment: Sendable {
    public let config: ExperimentConfig
    public let dataset: Dataset
    public let split: DataSplit
    /// The trial's identity in the store; it includes the semantics version from version 2 on.
    public let trialKey: String
    public let semantics: RunSemantics
    /// The run's streams: under semantics 2 they derive from `config.seed` alone.
    public let streams: RandomStreams

    /// - Parameter baseSeed: the stored base seed of a run being reproduced; by default
    ///   it follows from `semantics` (the seed itself, or under semantics 1 the seed
    ///   derived with the trial key).
    public init(
        config: ExperimentConfig, dataset: Dataset, split: DataSplit,
        semantics: RunSemantics = .current, baseSeed: UInt64? = nil
    ) {
        self.config = config
        self.dataset = dataset
        self.split = split
        self.semantics = semantics
        let trialKey = TrialKey.compute(config: config, dataFingerprint: dataset.fingerprint, semantics: semantics)
        self.trialKey = trialKey
        let scheme = semantics.streamScheme
        let base = baseSeed ?? (scheme == .sequential ? RandomStreams.derive(config.seed, trialKey) : config.seed)
        streams = RandomStreams(seed: base, scheme: scheme)
    }

    /// Loads the data of a single-run file and makes its split; the dataset keeps its
    /// ratings (`ExperimentPreparer.prepareAll` releases them).
    public static func prepare(_ file: ExperimentFile) throws -> PreparedExperiment {
        var preparer = ExperimentPreparer(file: file)
        return try preparer.prepare(file.config)
    }

    /// A trainer for this experiment (the model built by `ModelFactory.make(experiment:)`,
    /// which applies `evaluation.cold_start`, under the run's semantics).
    public func trainer() throws -> Trainer {
        try Trainer(config: config, split: split, dataset: dataset, streams: streams, semantics: semantics)
    }
}
