import CFStore
import CFText

/// A whole `cflab compare` request: the selection, the epoch, the grouping, and its table.
public struct ComparisonRequest: Sendable {
    public var selection: RunSelection
    public var choice: EpochChoice
    /// Keys to group by; nil for the default (the sweeps' swept keys, without the seed),
    /// empty for one row per run.
    public var groupBy: [String]?

    public init(selection: RunSelection, at choice: EpochChoice = .best, groupBy: [String]? = nil) {
        self.selection = selection
        self.choice = choice
        self.groupBy = groupBy
    }

    /// Reads the runs from `store` and lays out their comparison.
    public func table(in store: RunStore) throws -> Table {
        let loaded = try ComparisonLoader(store: store).load(selection, at: choice)
        if let groupBy { try KeyCheck.requireKnown(groupBy, option: "--group-by", in: loaded.runs + loaded.baselines) }
        try KeyCheck.requireReached(choice, runs: loaded.runs)
        let keys = groupBy ?? loaded.sweptKeys
        let comparison = Comparison(runs: loaded.runs, baselines: loaded.baselines, at: choice, groupBy: keys)
        let epoch = switch choice {
        case .best: "the best epoch"
        case .last: "the last epoch"
        case let .epoch(number): "epoch \(number)"
        }
        var title = "\(selection): \(loaded.runs.count) completed run\(loaded.runs.count == 1 ? "" : "s"), metrics at \(epoch)"
        if !keys.isEmpty { title += ", grouped by " + keys.joined(separator: ", ") }
        var table = comparison.table(title: title)
        if loaded.leftOut > 0 {
            table.remarks.append("\(loaded.leftOut) selected run\(loaded.leftOut == 1 ? " was" : "s were") left out: not completed.")
        }
        return table
    }
}
