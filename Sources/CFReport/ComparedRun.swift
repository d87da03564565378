import CFCore
import CFStore

/// One run as a comparison sees it: its record, config leaves and the metrics of the chosen epoch.
public struct ComparedRun: Sendable {
    public var record: RunRecord
    /// The config's leaves by dotted key.
    public var parameters: [String: JSONValue]
    /// The keys of `parameters` in document order.
    public var parameterOrder: [String]
    /// The epoch the metrics were read at (nil when the run has no such epoch).
    public var epoch: Int?
    /// Every metric of that epoch (empty when the run has no such epoch).
    public var metrics: [String: Double]
    /// The run's last recorded epoch (nil before its first).
    public var lastEpoch: Int?
    /// Whether this is a baseline (`global_mean` or `biases`) shown beside the selection.
    public var isBaseline: Bool
    /// Whether its sweep pruned it (`status` `pruned`): its metrics are of the epochs it had.
    public var isPruned: Bool { record.status == .pruned }
    /// Equal for runs that compute the same thing but for their seed and fold (the trial
    /// identity without `TrialIdentity.replicatePaths`): one row of a comparison.
    public var identity: String
    /// Equal for runs evaluated on the same data and split settings (fold aside): only
    /// such runs are ranked against each other.
    public var section: String
    /// The seed and fold this run replicates its configuration with (`seed|fold`).
    public var replicate: String
    /// The fold (`split.fold`) when the run's split has folds (kfold, predefined).
    public var fold: JSONValue?

    public init(record: RunRecord, epochs: [EpochRecord], at choice: EpochChoice, isBaseline: Bool = false) {
        self.record = record
        let leaves = record.config.leaves
        parameterOrder = leaves.map(\.key)
        parameters = Dictionary(leaves.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        // Not a config key, but it tells rows apart when runs of two releases are compared.
        parameters["semantics"] = .int(Int64(record.semantics))
        self.isBaseline = isBaseline
        let split = record.config["split"]
        let kind = split?["kind"]?.stringValue ?? ""
        fold = kind == "kfold" || kind == "predefined" ? split?["fold"] : nil
        identity = TrialIdentity.text(
            config: record.config, removing: TrialIdentity.resultNeutralPaths + TrialIdentity.replicatePaths,
            dataFingerprint: record.dataFingerprint, semantics: record.semantics)
        section = record.dataFingerprint + "|" + (Self.splitSettings(split, seed: record.seed)?.canonical ?? "-")
        replicate = "\(record.seed)|\(fold?.canonical ?? "-")"
        lastEpoch = epochs.last?.epoch
        switch choice {
        case .best:
            epoch = record.bestEpoch
            metrics = record.bestMetrics.isEmpty ? epochs.first { $0.epoch == record.bestEpoch }?.metrics ?? [:] : record.bestMetrics
        case .last:
            epoch = epochs.last?.epoch
            metrics = record.finalMetrics.isEmpty ? epochs.last?.metrics ?? [:] : record.finalMetrics
        case let .epoch(number):
            let found = epochs.first { $0.epoch == number }
            epoch = found?.epoch
            metrics = found?.metrics ?? [:]
        }
    }

    /// The split settings that decide which ratings validate a run, fold aside: the config's
    /// `split` without `fold`, its `seed` resolved (null means the run's seed). Two runs
    /// with equal settings were validated on the same ratings (per fold).
    static func splitSettings(_ split: JSONValue?, seed: Int64) -> JSONValue? {
        guard let split else { return nil }
        let settings = split.removing("fold")
        guard settings["seed"] == nil || settings["seed"] == .null else { return settings }
        return settings.setting("seed", to: .int(seed))
    }

    /// The model kind (`model.kind`), or "" when the config has none.
    public var modelKind: String {
        parameters["model.kind"]?.stringValue ?? ""
    }

    /// The validation RMSE at the chosen epoch: the number runs are ranked by (lower wins).
    public var score: Double? {
        metrics["valid_rmse"].flatMap { $0.isFinite ? $0 : nil }
    }
}
