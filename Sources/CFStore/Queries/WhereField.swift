/// What a field name of a `--where` expression or a sort refers to, and its SQL.
///
/// - `status`, `sweep`, `id`, `name`, `seed`, `seconds`... : a column of `runs`;
/// - `tag`: the run's tags;
/// - `best.X`, `final.X`, `test.X`: metric X of the best epoch, last epoch, test part;
/// - any other name without a dot (`valid_rmse`): a best-epoch metric;
/// - a dotted name (`optimizer.lr`): a key of the resolved config, from `run_params`.
enum WhereField: Equatable {
    case column(RunColumn)
    case tag
    case metric(column: RunColumn, name: String)
    case parameter(key: String)

    /// The columns of `runs` that are fields under their own names (`status`, `trial_key`...).
    private static let namedColumns: [RunColumn] = [
        .id, .status, .sweep, .name, .seed, .trialKey, .attempt, .bestEpoch, .durationSeconds, .dataName,
        .dataSource, .dataFingerprint, .buildId, .startedAt, .endedAt, .host, .threads, .semantics,
    ]

    /// Field names that are columns of `runs`: their own names, plus `seconds` and `reproduces`.
    static let columns: [String: RunColumn] = Dictionary(uniqueKeysWithValues: namedColumns.map { ($0.rawValue, $0) })
        .merging(["seconds": .durationSeconds, "reproduces": .reproducesRunId]) { own, _ in own }

    private static let metricColumns: [String: RunColumn] = ["best": .bestMetrics, "final": .finalMetrics, "test": .testMetrics]

    /// What `name` refers to.
    static func resolve(_ name: String) -> WhereField {
        if let column = columns[name] { return .column(column) }
        if name == "tag" { return .tag }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2, let column = metricColumns[parts[0]] { return .metric(column: column, name: parts[1]) }
        if parts.count == 1 { return .metric(column: .bestMetrics, name: name) }
        return .parameter(key: name)
    }

    /// Throws when `name` cannot be a field: empty parts, or a metric name outside `[A-Za-z0-9_]`.
    static func validate(_ name: String, at position: Int, in expression: String) throws {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty) else {
            throw WhereError(expression: expression, position: position, message: "`\(name)` is not a field name (empty part between dots)")
        }
        if case let .metric(_, metric) = resolve(name), !metric.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            throw WhereError(expression: expression, position: position, message: "`\(metric)` is not a metric name (letters, digits and _ only)")
        }
    }

    /// The JSON path of a metric, bound as an argument of `json_extract`.
    static func metricPath(_ name: String) -> String { "$.\"\(name)\"" }
}
