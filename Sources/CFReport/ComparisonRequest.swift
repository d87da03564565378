import CFStore
import CFText

/// A whole `cflab compare` request: the selection, the epoch, the grouping, and its table.
public struct ComparisonRequest: Sendable {
    public var selection: RunSelection
    public var choice: EpochChoice
    /// Keys to group by, pooling over the rest; nil for the default (one row per
    /// configuration, never pooled), empty for one row per run.
    public var groupBy: [String]?
    /// The metric columns to show (`--metrics`), nil for all.
    public var metrics: [String]?

    public init(selection: RunSelection, at choice: EpochChoice = .best, groupBy: [String]? = nil, metrics: [String]? = nil) {
        self.metrics = metrics
        self.selection = selection
        self.choice = choice
        self.groupBy = groupBy
    }

    /// How rows are formed for `groupBy`.
    var rows: Comparison.Rows {
        guard let groupBy else { return .configurations }
        return groupBy.isEmpty ? .runs : .pooled(groupBy)
    }

    /// Reads the runs from `store`, checks that they can be compared, and lays them out.
    ///
    /// Throws `mixedSections` when the runs were evaluated on different data or split
    /// settings: their validation metrics measure different things.
    public func table(in store: RunStore, ensembles: [String: EnsembleScore] = [:]) throws -> Table {
        try table(of: try load(in: store), ensembles: ensembles)
    }

    /// The selection's runs read from `store`, checked (`check`) before any layout.
    public func load(in store: RunStore) throws -> ComparisonLoader.Loaded {
        let loaded = try ComparisonLoader(store: store).load(selection, at: choice)
        try check(loaded)
        return loaded
    }

    /// The table of runs `load(in:)` read, with seed ensembles by row identity.
    public func table(of loaded: ComparisonLoader.Loaded, ensembles: [String: EnsembleScore] = [:]) throws -> Table {
        let comparison = Comparison(runs: loaded.runs, baselines: loaded.baselines, at: choice, rows: rows, ensembles: ensembles, metrics: metrics)
        let epoch = switch choice {
        case .best: "the best epoch"
        case .last: "the last epoch"
        case let .epoch(number): "epoch \(number)"
        }
        let pruned = loaded.runs.filter(\.isPruned).count
        let completed = loaded.runs.count - pruned
        var title = "\(selection): \(completed) completed run\(completed == 1 ? "" : "s")"
            + (pruned > 0 ? " and \(pruned) pruned" : "") + ", metrics at \(epoch)"
        switch rows {
        case .configurations: title += ", one row per configuration (runs identical but for the seed and fold)"
        case let .pooled(keys): title += ", grouped by " + keys.joined(separator: ", ") + ", pooling other settings"
        case .runs: title += ", one row per run"
        }
        if let section = Comparison.sections(of: loaded.runs).first { title += "; " + section.description }
        var table = try comparison.table(title: title)
        if loaded.leftOut > 0 {
            table.remarks.append("\(loaded.leftOut) selected run\(loaded.leftOut == 1 ? " was" : "s were") left out: not completed.")
        }
        return table
    }

    /// The configurations of the selection with at least two runs (the candidates for a
    /// seed ensemble), by row identity, each with its runs in id order.
    public func configurations(of loaded: ComparisonLoader.Loaded) -> [(identity: String, runs: [RunRecord])] {
        RunGroup.configurations(loaded.runs, showing: []).filter { $0.runs.count >= 2 }.map { group in
            (group.runs[0].identity, group.runs.map(\.record).sorted { $0.id < $1.id })
        }
    }

    /// The checks before any layout: typed keys and epochs exist, and one section.
    func check(_ loaded: ComparisonLoader.Loaded) throws {
        if let groupBy { try KeyCheck.requireKnown(groupBy, option: "--group-by", in: loaded.runs + loaded.baselines) }
        try KeyCheck.requireReached(choice, runs: loaded.runs)
        let sections = Comparison.sections(of: loaded.runs)
        if sections.count > 1 { throw ReportError.mixedSections(sections.map { "\($0.count) on \($0.description)" }) }
    }
}
