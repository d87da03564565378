import CFCore
import CFText

/// A metric column of a comparison: its title and where each run's value comes from.
struct MetricColumn: Sendable {
    enum Source: Sendable {
        /// A metric of the chosen epoch.
        case chosen(String)
        /// A metric of the last epoch.
        case final(String)
        /// A metric of the test part.
        case test(String)
        /// The chosen epoch's number.
        case epoch
        /// The run's wall time.
        case seconds
    }

    let title: String
    let source: Source
    let decimals: Int

    func value(_ run: ComparedRun) -> Double? {
        switch source {
        case let .chosen(key): return run.metrics[key]
        case let .final(key): return run.record.finalMetrics[key]
        case let .test(key): return run.record.testMetrics?[key]
        case .epoch: return run.epoch.map(Double.init)
        case .seconds: return run.record.durationSeconds
        }
    }

    /// The table column, numbers at `decimals` fixed decimals (at least `minimumDecimals`).
    func column(minimumDecimals: Int = 0) -> TableColumn {
        TableColumn(title, alignment: .right, numbers: .fixed(max(decimals, minimumDecimals)))
    }

    /// The run's value as a cell: the epoch a whole number, a metric a number, missing when absent.
    func cell(_ run: ComparedRun) -> TableCell {
        guard let value = value(run) else { return .missing }
        if case .epoch = source { return .integer(Int(value)) }
        return .number(value, style: nil)
    }

    /// Prefixes of top-K ranking metrics (`ndcg@10`...), shown when stored.
    static let rankingPrefixes = ["precision@", "recall@", "ndcg@", "hit_rate@", "trec_map@", "map@", "coverage@", "mrr@"]

    /// The columns for `runs` at `choice`: the fixed ones, then test and ranking metrics present.
    static func columns(for runs: [ComparedRun], at choice: EpochChoice) -> [MetricColumn] {
        var columns = [
            MetricColumn(title: choice.label("valid RMSE"), source: .chosen("valid_rmse"), decimals: 4),
            MetricColumn(title: choice == .best ? "best epoch" : "epoch", source: .epoch, decimals: 0),
            MetricColumn(title: "final valid RMSE", source: .final("valid_rmse"), decimals: 4),
            MetricColumn(title: "valid MAE", source: .chosen("valid_mae"), decimals: 4),
        ]
        let testKeys = Set(runs.flatMap { ($0.record.testMetrics ?? [:]).keys })
        for key in ordered(testKeys) where key == "rmse" || key == "mae" || isRanking(key) {
            columns.append(MetricColumn(title: "test \(key == "rmse" || key == "mae" ? key.uppercased() : key)", source: .test(key), decimals: 4))
        }
        columns.append(MetricColumn(title: "train seconds", source: .seconds, decimals: 1))
        let rankingKeys = Set(runs.flatMap { $0.metrics.keys }.filter(isRanking))
        for key in ordered(rankingKeys) {
            columns.append(MetricColumn(title: key, source: .chosen(key), decimals: 4))
        }
        return columns
    }

    /// The name `--metrics` selects this column by: the metric (`valid_rmse`, `ndcg@10`),
    /// `final.` or `test.` before it, `epoch`, or `seconds`.
    var key: String {
        switch source {
        case let .chosen(name): return name
        case let .final(name): return "final." + name
        case let .test(name): return "test." + name
        case .epoch: return "epoch"
        case .seconds: return "seconds"
        }
    }

    /// `columns` cut to `names`, in the order given; nil keeps them all. An unknown name
    /// is an error with a did-you-mean, or the list of the names known here.
    static func chosen(_ columns: [MetricColumn], names: [String]?) throws -> [MetricColumn] {
        guard let names else { return columns }
        let known = columns.map(\.key)
        return try names.map { name in
            guard let column = columns.first(where: { $0.key == name }) else {
                throw ReportError.unknownKey(option: "--metrics", key: name, hint: EditDistance.hint(for: name, among: known))
            }
            return column
        }
    }

    static func isRanking(_ key: String) -> Bool {
        rankingPrefixes.contains { key.hasPrefix($0) }
    }

    /// `rmse`, `mae` first, then by metric name and numeric cut-off (`ndcg@5` before `ndcg@10`).
    static func ordered(_ keys: Set<String>) -> [String] {
        func rank(_ key: String) -> (Int, String, Int) {
            if key == "rmse" { return (0, "", 0) }
            if key == "mae" { return (1, "", 0) }
            let parts = key.split(separator: "@", maxSplits: 1)
            return (2, String(parts.first ?? ""), parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
        }
        return keys.sorted { rank($0) < rank($1) || (rank($0) == rank($1) && $0 < $1) }
    }
}
