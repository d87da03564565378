import CFCore
import CFStore
import CFText

/// Everything a report draws, read once from the store: runs, epochs, sweep, best model.
public struct ReportData: Sendable {
    /// The folder and page name: the sweep's name, or `run-<id>` / `runs-<id>-<id>...`.
    public let name: String
    /// The selected completed runs, metrics at the best epoch.
    public let runs: [ComparedRun]
    /// Every run's epochs, by run id.
    public let epochs: [Int64: [EpochRecord]]
    /// The swept keys of the runs' sweeps (without the seed).
    public let sweptKeys: [String]
    /// The sweep records of the runs, by name.
    public let sweeps: [String: SweepRecord]
    /// The run with the lowest validation RMSE: the one per-run charts show.
    public let best: ComparedRun
    /// The best run's kept parameters and data metadata, when it kept any.
    public let model: StoredModel?
    /// The comparison table of the selection (grouped by the swept keys).
    public let table: Table

    public init(store: RunStore, selection: RunSelection, metrics: [String]? = nil) throws {
        let loader = ComparisonLoader(store: store)
        let loaded = try loader.load(selection, at: .best)
        guard let best = Comparison.ranked(loaded.runs).first else { throw ReportError.noRuns(selection.description) }
        runs = loaded.runs
        sweptKeys = loaded.sweptKeys
        self.best = best
        var epochs: [Int64: [EpochRecord]] = [:]
        for run in loaded.runs { epochs[run.record.id] = try store.epochs(runId: run.record.id) }
        self.epochs = epochs
        let names = Set(loaded.runs.map(\.record.sweep))
        sweeps = Dictionary(uniqueKeysWithValues: try store.sweeps().filter { names.contains($0.name) }.map { ($0.name, $0) })
        model = try? store.loadModel(runId: best.record.id)
        table = try ComparisonRequest(selection: selection, metrics: metrics).table(in: store)
        if let sweep = selection.sweep {
            name = sweep
        } else {
            let ids = loaded.runs.map(\.record.id).sorted()
            name = ids.count == 1 ? "run-\(ids[0])" : "runs-" + ids.prefix(8).map(String.init).joined(separator: "-")
        }
    }

    /// Whether the sweep drew `key` on a logarithmic scale (a `log: true` range), or its
    /// values are positive and span at least a factor of 100.
    func isLogarithmic(_ key: String, values: [Double]) -> Bool {
        for sweep in sweeps.values.sorted(by: { $0.name < $1.name }) {
            if let domain = sweep.spec.value(atPath: "parameters")?[key], let log = domain["log"]?.boolValue { return log }
        }
        guard let low = values.min(), let high = values.max(), low > 0 else { return false }
        return high / low >= 100
    }
}
