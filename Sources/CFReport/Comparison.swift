import CFCore
import CFText

/// Builds the comparison table of a set of runs, per run or grouped over seeds.
///
/// Runs are ranked by validation RMSE at the chosen epoch (lower wins). Grouped, each row
/// is mean ± sample standard deviation over its runs, and the best group is compared
/// with the runner-up by a `PairedTest` over their shared seeds. Baselines are listed
/// beside the runs but never win.
public struct Comparison: Sendable {
    public let runs: [ComparedRun]
    public let baselines: [ComparedRun]
    public let choice: EpochChoice
    /// The keys rows are grouped by; empty for one row per run.
    public let groupBy: [String]

    public init(runs: [ComparedRun], baselines: [ComparedRun] = [], at choice: EpochChoice = .best, groupBy: [String] = []) {
        self.runs = runs
        self.baselines = baselines
        self.choice = choice
        self.groupBy = groupBy
    }

    /// The keys whose values differ between the selected runs, in document order.
    public var differingKeys: [String] {
        var order: [String] = []
        var seen = Set<String>()
        for run in runs { for key in run.parameterOrder where seen.insert(key).inserted { order.append(key) } }
        let ignored: Set<String> = ["description"]
        return order.filter { key in
            !ignored.contains(key) && Set(runs.map { $0.parameters[key]?.canonical ?? "<none>" }).count > 1
        }
    }

    /// The table: grouped when `groupBy` is not empty, one row per run otherwise.
    public func table(title: String) -> Table {
        groupBy.isEmpty ? perRunTable(title: title) : groupedTable(title: title)
    }

    private func perRunTable(title: String) -> Table {
        let keys = differingKeys
        let metrics = MetricColumn.columns(for: runs + baselines, at: choice)
        let ranked = Self.ranked(runs) + Self.ranked(baselines)
        var columns = [TableColumn("run", alignment: .right)]
        columns += keys.map { TableColumn($0, alignment: .left) }
        columns += metrics.map { $0.column() }
        columns.append(TableColumn("note", alignment: .left))
        let best = ranked.first.flatMap { $0.isBaseline || $0.score == nil ? nil : 0 }
        let rows = ranked.enumerated().map { position, run -> [TableCell] in
            var cells: [TableCell] = [.integer(Int(run.record.id))]
            cells += keys.map { TableCell(run.parameters[$0]) }
            cells += metrics.map { $0.cell(run) }
            cells.append(.text(run.isBaseline ? "baseline \(run.modelKind)" : (position == best ? "best" : "")))
            return cells
        }
        var remarks: [String] = []
        if let best, let score = ranked[best].score {
            remarks.append("Best: run \(ranked[best].record.id) (\(choice.label("valid RMSE")) \(NumberText.fixed(score, decimals: 4))).")
        }
        return Table(title: title, columns: columns, rows: rows, bestRow: best, isRanked: true, remarks: remarks, underlinesHeader: true)
    }

    private func groupedTable(title: String) -> Table {
        let metrics = MetricColumn.columns(for: runs + baselines, at: choice)
        let contenders = Self.sortedGroups(RunGroup.grouping(runs, by: groupBy))
        let groups = contenders + Self.sortedGroups(RunGroup.grouping(baselines, by: groupBy))
        var columns = groupBy.map { TableColumn($0, alignment: .left) }
        columns.append(TableColumn("n", alignment: .right))
        columns += metrics.map { $0.column(minimumDecimals: 1) }
        columns.append(TableColumn("note", alignment: .left))
        let best = contenders.first?.meanScore == nil ? nil : 0
        let rows = groups.enumerated().map { position, group -> [TableCell] in
            var cells: [TableCell] = group.values.map { TableCell($0) }
            cells.append(.integer(group.runs.count))
            cells += metrics.map { column in
                let summary = group.summary(column.value)
                return .summary(mean: summary.mean, deviation: summary.deviation)
            }
            let note = group.isBaseline ? "baseline \(group.runs.first?.modelKind ?? "")" : (position == best ? "best" : "")
            cells.append(.text(note))
            return cells
        }
        let remarks = contenders.count > 1 && best != nil ? verdict(best: contenders[0], runnerUp: contenders[1]) : []
        return Table(title: title, columns: columns, rows: rows, bestRow: best, isRanked: true, remarks: remarks, underlinesHeader: true)
    }

    /// The sentences comparing the best group with the runner-up.
    func verdict(best: RunGroup, runnerUp: RunGroup) -> [String] {
        let bestSummary = best.summary(\.score)
        let metric = choice.label("valid RMSE")
        var lines = ["Best: \(best.label(keys: groupBy)) (\(metric) \(NumberText.fixed(bestSummary.mean, decimals: 4)), n = \(bestSummary.count))."]
        let first = best.scoreBySeed, second = runnerUp.scoreBySeed
        let seeds = first.keys.filter { second[$0] != nil }.sorted()
        let against = "Against the runner-up (\(runnerUp.label(keys: groupBy)))"
        guard let test = PairedTest(seeds.compactMap { first[$0] }, seeds.compactMap { second[$0] }) else {
            lines.append("\(against): too few seeds to tell (\(seeds.count) shared; a paired test needs 3).")
            return lines
        }
        lines.append(
            "\(against) over \(test.count) shared seeds: difference \(NumberText.fixed(test.meanDifference, decimals: 4)), "
                + "95% CI [\(NumberText.fixed(test.lower, decimals: 4)), \(NumberText.fixed(test.upper, decimals: 4))], "
                + "paired t(\(test.degreesOfFreedom)) = \(NumberText.fixed(test.statistic, decimals: 2)), p = \(NumberText.pValue(test.pValue))."
        )
        lines.append(test.isWithinNoise
            ? "The interval covers 0: the difference is within seed noise."
            : "The interval excludes 0: the best is better beyond seed noise.")
        return lines
    }

    /// Runs by score (missing last), then by id.
    static func ranked(_ runs: [ComparedRun]) -> [ComparedRun] {
        runs.sorted { ($0.score ?? .infinity, $0.record.id) < ($1.score ?? .infinity, $1.record.id) }
    }

    /// Groups by mean score (missing last), then by their label.
    static func sortedGroups(_ groups: [RunGroup]) -> [RunGroup] {
        groups.sorted { left, right in
            let a = left.meanScore ?? .infinity, b = right.meanScore ?? .infinity
            if a != b { return a < b }
            return left.values.map { $0?.canonical ?? "" }.joined(separator: "|") < right.values.map { $0?.canonical ?? "" }.joined(separator: "|")
        }
    }
}
