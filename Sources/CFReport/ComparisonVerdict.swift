import CFCore

/// The best row against the runner-up: sentences under the table, and the same numbers
/// as data (`facts`) for `--format json`.
struct ComparisonVerdict {
    let best: RunGroup
    let runnerUp: RunGroup?
    let keys: [String]
    let choice: EpochChoice

    /// The replicates (seed and fold) both rows have, in order, and the test over them.
    var paired: (replicates: [String], test: PairedTest?)? {
        guard let runnerUp else { return nil }
        let first = best.scoreByReplicate, second = runnerUp.scoreByReplicate
        let shared = first.keys.filter { second[$0] != nil }.sorted()
        return (shared, PairedTest(shared.compactMap { first[$0] }, shared.compactMap { second[$0] }))
    }

    /// The best row's test RMSE: mean, std and count over its runs (nil without a test part).
    var selectedTest: (mean: Double?, deviation: Double?, count: Int)? {
        let summary = best.summary { $0.record.testMetrics?["rmse"] }
        return summary.count > 0 ? summary : nil
    }

    /// How the reported test figure was chosen, in one sentence.
    var selectionSentence: String? {
        guard let test = selectedTest, let mean = test.mean else { return nil }
        let spread = test.deviation.map { " ± " + NumberText.fixed($0, decimals: 4) } ?? ""
        return "Final: \(best.label(keys: keys)) was selected on \(choice.label("valid RMSE")) alone; its test RMSE, "
            + "reported and never used to choose, is \(NumberText.fixed(mean, decimals: 4))\(spread) over \(test.count) \(best.isCrossValidated ? "fold" : "run")\(test.count == 1 ? "" : "s")."
    }

    /// The best row, the test against the runner-up, and how the final figure was chosen.
    var sentences: [String] {
        let summary = best.summary(\.score)
        let metric = choice.label("valid RMSE")
        let first = "Best: \(best.label(keys: keys)) (\(metric) \(NumberText.fixed(summary.mean, decimals: 4)), n = \(best.runs.count))."
        return [first] + testSentences + (selectionSentence.map { [$0] } ?? [])
    }

    /// The paired test against the runner-up, in words.
    private var testSentences: [String] {
        var lines: [String] = []
        guard let runnerUp, let paired else { return lines }
        let against = "Against the runner-up (\(runnerUp.label(keys: keys)))"
        guard let test = paired.test else {
            lines.append("\(against): too few seeds to tell (\(paired.replicates.count) shared; a paired test needs 3).")
            return lines
        }
        lines.append(
            "\(against) over \(test.count) shared seeds: difference \(NumberText.fixed(test.meanDifference, decimals: 4)), "
                + "95% CI [\(NumberText.fixed(test.lower, decimals: 4)), \(NumberText.fixed(test.upper, decimals: 4))], "
                + "paired t(\(test.degreesOfFreedom)) = \(NumberText.fixed(test.statistic, decimals: 2)), p = \(NumberText.pValue(test.pValue)).")
        lines.append(test.isWithinNoise
            ? "The interval covers 0: the difference is within seed noise."
            : "The interval excludes 0: the best is better beyond seed noise.")
        return lines
    }

    /// `best` (label, mean, n) and, with a runner-up, `test` (difference, t, df, p, CI, n).
    var facts: [(String, JSONValue)] {
        let summary = best.summary(\.score)
        var facts: [(String, JSONValue)] = [("metric", .string("valid_rmse")), ("at", .string(choice.description))]
        var bestFacts: [(String, JSONValue)] = [
            ("label", .string(best.label(keys: keys))), ("mean", summary.mean.map(JSONValue.double) ?? .null),
            ("std", summary.deviation.map(JSONValue.double) ?? .null), ("n", .int(Int64(best.runs.count))),
            ("runs", .array(best.runs.map { .int($0.record.id) })), ("chosen_by", .string("valid_rmse at \(choice.description)")),
        ]
        if let test = selectedTest {
            bestFacts.append(("test_rmse", .object([
                ("mean", test.mean.map(JSONValue.double) ?? .null), ("std", test.deviation.map(JSONValue.double) ?? .null),
                ("n", .int(Int64(test.count))), ("used_to_choose", .bool(false)),
            ])))
        }
        facts.append(("best", .object(bestFacts)))
        guard let runnerUp, let paired else { return facts }
        var test: [(String, JSONValue)] = [
            ("runner_up", .string(runnerUp.label(keys: keys))), ("kind", .string("paired t-test over shared seeds and folds")),
            ("n", .int(Int64(paired.replicates.count))),
        ]
        if let result = paired.test {
            test += [
                ("difference", .double(result.meanDifference)), ("t", .double(result.statistic)),
                ("df", .int(Int64(result.degreesOfFreedom))), ("p", .double(result.pValue)),
                ("ci95", .array([.double(result.lower), .double(result.upper)])), ("within_noise", .bool(result.isWithinNoise)),
            ]
        } else {
            test.append(("reason", .string("fewer than 3 shared seeds")))
        }
        facts.append(("test", .object(test)))
        return facts
    }
}
