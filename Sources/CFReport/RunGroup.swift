import CFCore
import CFText

/// The runs of one comparison row: one configuration over its seeds and folds, or, with
/// an explicit `--group-by`, every run sharing the group-by values (pooled over the rest).
struct RunGroup: Sendable {
    /// The row's value of each shown key (nil when its runs lack the key).
    let values: [JSONValue?]
    var runs: [ComparedRun]

    var isBaseline: Bool { runs.allSatisfy(\.isBaseline) }

    /// Whether a run of the row was pruned: the row is shown after the others, marked.
    var isPruned: Bool { runs.contains(where: \.isPruned) }

    /// `pruned at epoch 3` (`pruned 2 of 3 runs, by epoch 3` when some trained on); nil if none was.
    var prunedNote: String? {
        let pruned = runs.filter(\.isPruned)
        guard let epoch = pruned.compactMap(\.lastEpoch).max() else { return pruned.isEmpty ? nil : "pruned" }
        return pruned.count == runs.count ? "pruned at epoch \(epoch)" : "pruned \(pruned.count) of \(runs.count) runs, by epoch \(epoch)"
    }

    /// The distinct folds of the runs, in order of first appearance (empty without folds).
    var folds: [JSONValue] {
        var seen: Set<String> = []
        return runs.compactMap(\.fold).filter { seen.insert($0.canonical).inserted }
    }

    /// Whether the row is a cross-validation: its runs cover more than one fold.
    var isCrossValidated: Bool { folds.count > 1 }

    /// The mean and sample standard deviation of `value`: over the runs, or, when the row
    /// is cross-validated, over its folds' means (each the mean over that fold's seeds).
    func summary(_ value: (ComparedRun) -> Double?) -> (mean: Double?, deviation: Double?, count: Int) {
        guard isCrossValidated else { return Self.meanAndDeviation(runs.compactMap(value).filter(\.isFinite)) }
        let foldMeans = folds.compactMap { fold -> Double? in
            Self.meanAndDeviation(runs.filter { $0.fold?.canonical == fold.canonical }.compactMap(value).filter(\.isFinite)).mean
        }
        return Self.meanAndDeviation(foldMeans)
    }

    /// The mean, within folds, of the standard deviation of `value` over seeds (nil when
    /// no fold has two seeds): seed noise, apart from fold-to-fold spread.
    func seedDeviationWithinFolds(_ value: (ComparedRun) -> Double?) -> Double? {
        let deviations = folds.compactMap { fold -> Double? in
            Self.meanAndDeviation(runs.filter { $0.fold?.canonical == fold.canonical }.compactMap(value).filter(\.isFinite)).deviation
        }
        return deviations.isEmpty ? nil : deviations.reduce(0, +) / Double(deviations.count)
    }

    static func meanAndDeviation(_ numbers: [Double]) -> (mean: Double?, deviation: Double?, count: Int) {
        guard !numbers.isEmpty else { return (nil, nil, 0) }
        let mean = numbers.reduce(0, +) / Double(numbers.count)
        guard numbers.count > 1 else { return (mean, nil, 1) }
        let variance = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(numbers.count - 1)
        return (mean, variance.squareRoot(), numbers.count)
    }

    /// The mean score (validation RMSE at the chosen epoch), the number rows are ranked by.
    var meanScore: Double? { summary(\.score).mean }

    /// Each replicate's (seed and fold) score, averaged over the row's runs with it: what
    /// the paired test pairs on.
    var scoreByReplicate: [String: Double] {
        var sums: [String: (Double, Int)] = [:]
        for run in runs {
            guard let score = run.score else { continue }
            let previous = sums[run.replicate] ?? (0, 0)
            sums[run.replicate] = (previous.0 + score, previous.1 + 1)
        }
        return sums.mapValues { $0.0 / Double($0.1) }
    }

    /// The keys among `candidates` whose values differ between the row's runs (what an
    /// explicit grouping pools over), each with its number of values.
    func pooled(over candidates: [String]) -> [(key: String, values: Int)] {
        candidates.compactMap { key in
            let count = Set(runs.map { $0.parameters[key]?.canonical ?? "<none>" }).count
            return count > 1 ? (key, count) : nil
        }
    }

    /// `model.kind=dot, model.embedding_dim=8`, values as the table's cells show them.
    func label(keys: [String]) -> String {
        guard !keys.isEmpty else {
            let ids = runs.map(\.record.id)
            return ids.count == 1 ? "run \(ids[0])" : "the configuration of runs \(ids.min() ?? 0)-\(ids.max() ?? 0)"
        }
        return zip(keys, values).map { "\($0)=\(TableCell($1).text(style: nil))" }.joined(separator: ", ")
    }

    /// Groups `runs` by `identity` (baselines apart), in order of first appearance, each
    /// row showing its values of `keys`.
    static func grouping(_ runs: [ComparedRun], keys: [String], identity: (ComparedRun) -> String) -> [RunGroup] {
        var groups: [RunGroup] = []
        var index: [String: Int] = [:]
        for run in runs {
            let key = (run.isBaseline ? "baseline|" : "") + identity(run)
            if let position = index[key] {
                groups[position].runs.append(run)
            } else {
                index[key] = groups.count
                groups.append(RunGroup(values: keys.map { run.parameters[$0] }, runs: [run]))
            }
        }
        return groups
    }

    /// One row per configuration: runs identical in everything but their seed and fold.
    static func configurations(_ runs: [ComparedRun], showing keys: [String]) -> [RunGroup] {
        grouping(runs, keys: keys, identity: \.identity)
    }

    /// One row per combination of `keys`' values, pooling runs that differ otherwise.
    static func pooling(_ runs: [ComparedRun], by keys: [String]) -> [RunGroup] {
        grouping(runs, keys: keys) { run in keys.map { run.parameters[$0]?.canonical ?? "<none>" }.joined(separator: "|") }
    }
}
