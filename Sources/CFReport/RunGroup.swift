import CFCore
import CFText

/// Runs sharing the values of the group-by keys: one configuration over seeds and folds.
struct RunGroup: Sendable {
    /// The group's value of each group-by key (nil when its runs lack the key).
    let values: [JSONValue?]
    var runs: [ComparedRun]

    var isBaseline: Bool { runs.allSatisfy(\.isBaseline) }

    /// The mean and sample standard deviation of `value` over the runs that have it.
    func summary(_ value: (ComparedRun) -> Double?) -> (mean: Double?, deviation: Double?, count: Int) {
        let numbers = runs.compactMap(value).filter(\.isFinite)
        guard !numbers.isEmpty else { return (nil, nil, 0) }
        let mean = numbers.reduce(0, +) / Double(numbers.count)
        guard numbers.count > 1 else { return (mean, nil, 1) }
        let variance = numbers.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(numbers.count - 1)
        return (mean, variance.squareRoot(), numbers.count)
    }

    /// The mean score (validation RMSE at the chosen epoch), the number groups are ranked by.
    var meanScore: Double? { summary(\.score).mean }

    /// Each seed's score, averaged over the group's runs with that seed (folds, repeats).
    var scoreBySeed: [Int64: Double] {
        var sums: [Int64: (Double, Int)] = [:]
        for run in runs {
            guard let score = run.score else { continue }
            let seed = run.record.seed
            let previous = sums[seed] ?? (0, 0)
            sums[seed] = (previous.0 + score, previous.1 + 1)
        }
        return sums.mapValues { $0.0 / Double($0.1) }
    }

    /// `model.kind=dot, model.embedding_dim=8`, values as the table's cells show them.
    func label(keys: [String]) -> String {
        zip(keys, values).map { "\($0)=\(TableCell($1).text(style: nil))" }.joined(separator: ", ")
    }

    /// Groups `runs` by their values of `keys`, in order of first appearance.
    static func grouping(_ runs: [ComparedRun], by keys: [String]) -> [RunGroup] {
        var groups: [RunGroup] = []
        var index: [String: Int] = [:]
        for run in runs {
            let values = keys.map { run.parameters[$0] }
            let identity = (run.isBaseline ? "baseline|" : "") + values.map { $0?.canonical ?? "<none>" }.joined(separator: "|")
            if let position = index[identity] {
                groups[position].runs.append(run)
            } else {
                index[identity] = groups.count
                groups.append(RunGroup(values: values, runs: [run]))
            }
        }
        return groups
    }
}
