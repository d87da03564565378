import CFCore
import CFStore

/// Reads a comparison's runs, baselines and default group-by keys from the store.
public struct ComparisonLoader: Sendable {
    /// The model kinds shown as baselines beside any selection.
    public static let baselineKinds = ["global_mean", "biases"]

    public let store: RunStore

    public init(store: RunStore) {
        self.store = store
    }

    /// What a comparison needs: the selected runs, matching baselines, the swept keys.
    public struct Loaded: Sendable {
        public var runs: [ComparedRun]
        public var baselines: [ComparedRun]
        /// The keys the runs' sweeps vary, in sweep order (the default group-by).
        public var sweptKeys: [String]
        /// Selected runs that were not completed (failed, diverged, running...).
        public var leftOut: Int
    }

    public func load(_ selection: RunSelection, at choice: EpochChoice) throws -> Loaded {
        let (selected, leftOut) = try selection.records(in: store)
        // Baselines trained with the sweep (`cflab run --baselines`) are shown as baselines,
        // unless the selection holds nothing else.
        let isBaseline = { (record: RunRecord) in Self.baselineKinds.contains(record.config.value(atPath: "model.kind")?.stringValue ?? "") }
        let models = selected.filter { !isBaseline($0) }
        let records = models.isEmpty ? selected : models
        let runs = try records.map { ComparedRun(record: $0, epochs: try store.epochs(runId: $0.id), at: choice) }
        let baselines = try baselineRecords(besides: records).map {
            ComparedRun(record: $0, epochs: try store.epochs(runId: $0.id), at: choice, isBaseline: true)
        }
        return Loaded(runs: runs, baselines: baselines, sweptKeys: try sweptKeys(of: records), leftOut: leftOut)
    }

    /// Completed `global_mean` and `biases` runs on the data and split of any of `records`.
    public func baselineRecords(besides records: [RunRecord]) throws -> [RunRecord] {
        let splits = Set(records.map { $0.dataFingerprint + "|" + $0.splitFingerprint })
        let selected = Set(records.map(\.id))
        let filter = try WhereFilter(parsing: "model.kind in (\(Self.baselineKinds.joined(separator: ", ")))")
        return try store.runs(matching: RunQuery(statuses: [.completed], filter: filter, currentOnly: true)).filter {
            !selected.contains($0.id) && splits.contains($0.dataFingerprint + "|" + $0.splitFingerprint)
        }
    }

    /// The union of the swept keys of the records' sweeps, without `seed`, in sweep order.
    public func sweptKeys(of records: [RunRecord]) throws -> [String] {
        let names = Set(records.map(\.sweep))
        var keys: [String] = []
        for sweep in try store.sweeps() where names.contains(sweep.name) {
            for key in sweep.sweptKeys where key != "seed" && !keys.contains(key) { keys.append(key) }
        }
        return keys
    }
}
