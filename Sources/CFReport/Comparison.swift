import CFCore
import CFText

/// Builds the comparison table of a set of runs: like with like.
///
/// - `.configurations` (the default): one row per configuration, holding only runs that
///   are identical in every key that changes results except the seed and the fold (the
///   trial identity without them). Rows show the keys that differ between them. A row
///   whose runs cover several folds is a cross-validation: mean ± std over its folds'
///   means, each the mean over that fold's seeds.
/// - `.pooled(keys)` (an explicit `--group-by`): one row per combination of `keys`,
///   pooling runs that differ in other keys; the `pooled over` column says which.
/// - `.runs` (`--group-by none`): one row per run.
///
/// All runs must share one section (data and split settings): `sections(of:)` checks
/// that first. Rows are ranked by validation RMSE at the chosen epoch (lower wins); the
/// best is compared with the runner-up by a `PairedTest` over their shared seeds and
/// folds. Test metrics are shown only in their `test …` columns and never rank. Baselines
/// are listed beside the runs but never win.
public struct Comparison: Sendable {
    /// How rows are formed.
    public enum Rows: Equatable, Sendable {
        case configurations
        case pooled([String])
        case runs
    }

    public let runs: [ComparedRun]
    public let baselines: [ComparedRun]
    public let choice: EpochChoice
    public let rows: Rows
    /// Seed ensembles by row identity (`ComparedRun.identity`), each shown under its row.
    public let ensembles: [String: EnsembleScore]
    /// The metric columns to show, by `MetricColumn.key` (nil: all of them).
    public let metricNames: [String]?

    public init(
        runs: [ComparedRun], baselines: [ComparedRun] = [], at choice: EpochChoice = .best, rows: Rows = .configurations,
        ensembles: [String: EnsembleScore] = [:], metrics metricNames: [String]? = nil
    ) {
        self.metricNames = metricNames
        self.runs = runs
        self.baselines = baselines
        self.choice = choice
        self.rows = rows
        self.ensembles = ensembles
    }

    /// The keys whose values differ between the selected runs, in document order,
    /// without the result-neutral ones (names, tags, threads).
    public var differingKeys: [String] {
        var order: [String] = []
        var seen = Set<String>()
        for run in runs { for key in run.parameterOrder where seen.insert(key).inserted { order.append(key) } }
        let neutral = Set(TrialIdentity.resultNeutralPaths)
        return order.filter { key in
            !neutral.contains(key) && Set(runs.map { $0.parameters[key]?.canonical ?? "<none>" }).count > 1
        }
    }

    /// `differingKeys` without the seed and fold: what tells configurations apart.
    ///
    /// A key whose value follows from a kind key that differs too (a sweep over
    /// `model.kind` gives `layers` only to `nn` and `y_range` to `dot_bias` and `nn`) is left
    /// out: grouping by the kind already groups by it, so the rows are the same, and the
    /// table names only what was varied.
    public var configurationKeys: [String] {
        let keys = differingKeys.filter { !TrialIdentity.replicatePaths.contains($0) }
        let kinds = keys.filter { TrialIdentity.kindPaths.contains($0) }
        return keys.filter { key in
            kinds.contains(key) || !kinds.contains { kind in follows(key, from: kind) }
        }
    }

    /// Whether every run's value of `key` is fixed by its value of `kind`.
    func follows(_ key: String, from kind: String) -> Bool {
        var valueOfKind: [String: String] = [:]
        for run in runs {
            let kindValue = run.parameters[kind]?.canonical ?? "<none>"
            let value = run.parameters[key]?.canonical ?? "<none>"
            if let seen = valueOfKind.updateValue(value, forKey: kindValue), seen != value { return false }
        }
        return true
    }

    /// The runs of each row that could win, best first: scored, not pruned, not baselines.
    /// The first is the row the table marks best, the configuration validation chose.
    public var rankedRuns: [[ComparedRun]] {
        groups().contenders.filter(Self.canWin).map(\.runs)
    }

    /// The first of the ranked contenders, when it can win.
    static func winner(of contenders: [RunGroup]) -> RunGroup? {
        contenders.first.flatMap { canWin($0) ? $0 : nil }
    }

    /// Whether a row may be the chosen one: it has a score and no pruned run.
    static func canWin(_ group: RunGroup) -> Bool {
        group.meanScore != nil && !group.isPruned
    }

    /// The rows of the comparison, contenders ranked first, then baselines.
    func groups() -> (contenders: [RunGroup], baselines: [RunGroup], keys: [String]) {
        switch rows {
        case .configurations:
            var keys = configurationKeys
            if Set(runs.map(\.record.semantics)).count > 1 { keys.append("semantics") }
            return (Self.sortedGroups(RunGroup.configurations(runs, showing: keys)),
                    Self.sortedGroups(RunGroup.configurations(baselines, showing: keys)), keys)
        case let .pooled(keys):
            return (Self.sortedGroups(RunGroup.pooling(runs, by: keys)), Self.sortedGroups(RunGroup.pooling(baselines, by: keys)), keys)
        case .runs:
            return (Self.ranked(runs).map { RunGroup(values: [], runs: [$0]) }, Self.ranked(baselines).map { RunGroup(values: [], runs: [$0]) }, [])
        }
    }

    /// The table of the rows; throws for a `metrics` name no column has.
    public func table(title: String) throws -> Table {
        rows == .runs ? try perRunTable(title: title) : try groupedTable(title: title)
    }

    /// The metric columns shown: every one the runs have, or those `metricNames` names.
    func metricColumns() throws -> [MetricColumn] {
        try MetricColumn.chosen(MetricColumn.columns(for: runs + baselines, at: choice), names: metricNames)
    }

    private func perRunTable(title: String) throws -> Table {
        let keys = differingKeys
        let metrics = try metricColumns()
        let ranked = Self.ranked(runs) + Self.ranked(baselines)
        var columns = [TableColumn("run", alignment: .right)]
        columns += keys.map { TableColumn($0, alignment: .left) }
        columns += metrics.map { $0.column() }
        columns.append(TableColumn("note", alignment: .left))
        let best = ranked.first.flatMap { $0.isBaseline || $0.isPruned || $0.score == nil ? nil : 0 }
        let rows = ranked.enumerated().map { position, run -> [TableCell] in
            var cells: [TableCell] = [.integer(Int(run.record.id))]
            cells += keys.map { TableCell(run.parameters[$0]) }
            cells += metrics.map { $0.cell(run) }
            let pruned = run.isPruned ? "pruned at epoch \(run.lastEpoch ?? 0)" : ""
            cells.append(.text(run.isBaseline ? "baseline \(run.modelKind)" : (position == best ? "best" : pruned)))
            return cells
        }
        var table = Table(title: title, columns: columns, rows: rows, bestRow: best, isRanked: true, underlinesHeader: true)
        if let best, let score = ranked[best].score {
            table.remarks.append("Best: run \(ranked[best].record.id) (\(choice.label("valid RMSE")) \(NumberText.fixed(score, decimals: 4))).")
            table.facts = .object([("grouping", .string("runs")), ("best", .object([("run", .int(ranked[best].record.id)), ("valid_rmse", .double(score))]))])
        }
        return table
    }

    private func groupedTable(title: String) throws -> Table {
        let metrics = try metricColumns()
        let (contenders, baselineGroups, keys) = groups()
        let groups = contenders + baselineGroups
        let crossValidated = groups.contains(where: \.isCrossValidated)
        let pooledKeys: [String]? = if case .pooled = rows { configurationKeys.filter { !keys.contains($0) } } else { nil }
        var columns = keys.map { TableColumn($0, alignment: .left) }
        columns.append(TableColumn("n", alignment: .right))
        if crossValidated { columns.append(TableColumn("folds", alignment: .right)) }
        columns += metrics.map { $0.column(minimumDecimals: 1) }
        if crossValidated { columns.append(TableColumn("seed sd in folds", alignment: .right, numbers: .fixed(4))) }
        if pooledKeys != nil { columns.append(TableColumn("pooled over", alignment: .left)) }
        columns.append(TableColumn("note", alignment: .left))
        let best = Self.winner(of: contenders) == nil ? nil : 0
        var ensembleFacts: [JSONValue] = []
        let rows = groups.enumerated().flatMap { position, group -> [[TableCell]] in
            var cells: [TableCell] = group.values.map { TableCell($0) }
            cells.append(.integer(group.runs.count))
            if crossValidated { cells.append(.integer(max(1, group.folds.count))) }
            cells += metrics.map { column in
                let summary = group.summary(column.value)
                return .summary(mean: summary.mean, deviation: summary.deviation)
            }
            if crossValidated { cells.append(group.seedDeviationWithinFolds(\.score).map { .number($0, style: nil) } ?? .missing) }
            if let pooledKeys {
                let pooled = group.pooled(over: pooledKeys)
                cells.append(.text(pooled.isEmpty ? "-" : pooled.map { "\($0.key) (\($0.values) values)" }.joined(separator: ", ")))
            }
            let note = group.isBaseline ? "baseline \(group.runs.first?.modelKind ?? "")" : (position == best ? "best" : group.prunedNote ?? "")
            cells.append(.text(note))
            guard !group.isBaseline, case .configurations = self.rows, let ensemble = ensembles[group.runs[0].identity] else { return [cells] }
            var ensembleCells: [TableCell] = group.values.map { TableCell($0) }
            ensembleCells.append(.integer(ensemble.runIds.count))
            if crossValidated { ensembleCells.append(.missing) }
            ensembleCells += metrics.map { column in ensemble.value(column).map { .number($0, style: nil) } ?? .missing }
            if crossValidated { ensembleCells.append(.missing) }
            ensembleCells.append(.text(ensemble.folds > 1
                ? "ensemble: mean prediction of each fold's seeds, mean over \(ensemble.folds) folds"
                : "ensemble: mean prediction of these \(ensemble.runIds.count) runs"))
            ensembleFacts.append(.object([
                ("label", .string(group.label(keys: keys))), ("runs", .array(ensemble.runIds.map { .int($0) })),
                ("valid_rmse", ensemble.valid["rmse"].map(JSONValue.double) ?? .null),
                ("test_rmse", ensemble.test?["rmse"].map(JSONValue.double) ?? .null),
            ]))
            return [cells, ensembleCells]
        }
        var table = Table(title: title, columns: columns, rows: rows, bestRow: best, isRanked: true, underlinesHeader: true)
        if !ensembleFacts.isEmpty {
            table.remarks.append("Ensemble rows score the mean prediction of a configuration's runs (its seeds); they are shown, never ranked.")
        }
        if crossValidated {
            table.remarks.append("Cross-validation: each metric is the mean ± std over folds of the per-fold mean over seeds.")
        }
        if let pooledKeys, !pooledKeys.isEmpty {
            table.remarks.append("Rows pool runs that differ in the keys under `pooled over`: their spread mixes those settings with seed noise.")
        }
        if best != nil, let first = contenders.first {
            let runnerUp = contenders.count > 1 && !contenders[1].isPruned ? contenders[1] : nil
            let verdict = ComparisonVerdict(best: first, runnerUp: runnerUp, keys: keys, choice: choice)
            table.remarks += verdict.sentences
            table.facts = .object([("grouping", .string(self.rowsName))] + verdict.facts
                + (ensembleFacts.isEmpty ? [] : [("ensembles", .array(ensembleFacts))]))
        }
        return table
    }

    /// `configurations`, `pooled` or `runs`, as the JSON says.
    var rowsName: String {
        switch rows {
        case .configurations: return "configurations"
        case .pooled: return "pooled"
        case .runs: return "runs"
        }
    }

    /// Runs by score (missing last), pruned runs after the others, then by id.
    static func ranked(_ runs: [ComparedRun]) -> [ComparedRun] {
        runs.sorted {
            ($0.isPruned ? 1 : 0, $0.score ?? .infinity, $0.record.id) < ($1.isPruned ? 1 : 0, $1.score ?? .infinity, $1.record.id)
        }
    }

    /// Groups by mean score (missing last), then by their label; rows with pruned runs
    /// after the others, so that a pruned row is never the best.
    static func sortedGroups(_ groups: [RunGroup]) -> [RunGroup] {
        groups.sorted { left, right in
            if left.isPruned != right.isPruned { return right.isPruned }
            let a = left.meanScore ?? .infinity, b = right.meanScore ?? .infinity
            if a != b { return a < b }
            let leftLabel = left.values.map { $0?.canonical ?? "" }.joined(separator: "|")
            let rightLabel = right.values.map { $0?.canonical ?? "" }.joined(separator: "|")
            if leftLabel != rightLabel { return leftLabel < rightLabel }
            return (left.runs.first?.record.id ?? 0) < (right.runs.first?.record.id ?? 0)
        }
    }

    /// The distinct sections (data and split settings) of `runs`, with a description and
    /// the number of runs of each, in order of first appearance.
    public static func sections(of runs: [ComparedRun]) -> [(description: String, count: Int)] {
        var order: [String] = []
        var found: [String: (String, Int)] = [:]
        for run in runs {
            if let existing = found[run.section] {
                found[run.section] = (existing.0, existing.1 + 1)
            } else {
                order.append(run.section)
                let split = ComparedRun.splitSettings(run.record.config["split"], seed: run.record.seed)?.compact ?? "-"
                found[run.section] = ("data \(run.record.dataName) (\(run.record.dataFingerprint.prefix(12))), split \(split)", 1)
            }
        }
        return order.compactMap { found[$0] }.map { (description: $0.0, count: $0.1) }
    }
}
