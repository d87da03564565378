import ArgumentParser
import CFConfig
import CFCore
import CFText

/// `cflab plan FILE`: the trials a file would run, without running them.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the trials an experiment file expands to, without training.",
        discussion: """
        Shows only the parameters that change between trials, the keys dropped because \
        they do not apply to a trial's model, the trials merged because they became \
        identical, the count, and whether it exceeds max_trials (then `run` needs --yes).
        """
    )

    /// `table` or `json`.
    enum Formats: FormatMenu {
        static let formats: [TableFormat] = [.aligned, .json]
    }

    @Argument(help: "The experiment file (YAML).")
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key, e.g. optimizer.lr=1e-3 (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Output: table or json.")
    var format = FormatChoice<Formats>(.aligned)

    func run() throws {
        let experiment = try loadExperiment(file, overrides: overrides)
        let plan: SweepPlan
        do {
            plan = try SweepExpander.expand(experiment)
        } catch let error as ConfigError {
            for issue in error.issues { Console.error("error: \(issue)") }
            throw ExitCode(1)
        }
        let keys = plan.varyingKeys()
        if format.format == .json {
            Console.out(json(plan, keys: keys, name: experiment.config.name, sweep: experiment.sweep).compact)
        } else {
            Console.out(text(plan, keys: keys, name: experiment.config.name, sweep: experiment.sweep))
        }
    }

    private func value(_ trial: SweepTrial, _ key: String) -> JSONValue? {
        trial.resolved.value(atPath: key)
    }

    private func text(_ plan: SweepPlan, keys: [String], name: String, sweep: SweepSpec?) -> String {
        var table = Table(columns: (["trial"] + keys).map { TableColumn($0) })
        for trial in plan.trials {
            table.append([.integer(trial.index)] + keys.map { TableCell(value(trial, $0)) })
        }
        var lines = ["\(name): \(plan.count) trial\(plan.count == 1 ? "" : "s")"
            + (plan.exceedsMaxTrials ? ", more than max_trials \(plan.maxTrials): `cflab run` needs --yes" : " (max_trials \(plan.maxTrials))")]
        if let sweep, plan.laterTrials > 0 {
            lines[0] = "\(name): \(plan.count + plan.laterTrials) trials (max_trials \(plan.maxTrials)); the first \(plan.count) below, "
                + "then tpe proposes \(sweep.tpe.batch) points at a time from the trials finished before them"
        }
        if let rule = sweep?.earlyTerminate {
            lines.append(Self.pruningLine(rule, epochs: plan.trials.map(\.config.training.epochs).max() ?? 0))
        }
        lines.append(TableRenderer(format: .aligned).render(table))
        let dropped = Self.droppedCounts(plan)
        if !dropped.isEmpty {
            lines.append("dropped (keys that do not apply):")
            lines += dropped.map { "  \($0.note) (\($0.count) trial\($0.count == 1 ? "" : "s"))" }
        }
        if !plan.merges.isEmpty {
            lines.append("merged (\(plan.merges.count)):")
            lines += plan.merges.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// `pruned by successive_halving (eta 3) on valid_rmse: rungs at epochs 1, 3 of 9`.
    static func pruningLine(_ rule: EarlyTermination, epochs: Int) -> String {
        let rungs = rule.rungs(epochs: epochs)
        return "pruned by \(rule.kind.rawValue) (eta \(rule.eta)) on \(rule.metric): "
            + (rungs.isEmpty ? "no rung below epoch \(epochs)" : "rungs at epochs \(rungs.map(String.init).joined(separator: ", ")) of \(epochs)")
    }

    private func json(_ plan: SweepPlan, keys: [String], name: String, sweep: SweepSpec?) -> JSONValue {
        var pairs = json(plan, keys: keys, name: name).objectValue ?? []
        if plan.laterTrials > 0 { pairs.append(("later_trials", .int(Int64(plan.laterTrials)))) }
        if let rule = sweep?.earlyTerminate {
            let epochs = plan.trials.map(\.config.training.epochs).max() ?? 0
            pairs.append(("rungs", .array(rule.rungs(epochs: epochs).map { .int(Int64($0)) })))
        }
        return .object(pairs)
    }

    private func json(_ plan: SweepPlan, keys: [String], name: String) -> JSONValue {
        .object([
            ("name", .string(name)),
            ("count", .int(Int64(plan.count))),
            ("max_trials", .int(Int64(plan.maxTrials))),
            ("exceeds_max_trials", .bool(plan.exceedsMaxTrials)),
            ("varying_keys", .array(keys.map(JSONValue.string))),
            ("trials", .array(plan.trials.map { trial in
                .object([
                    ("index", .int(Int64(trial.index))),
                    ("values", .object(keys.map { ($0, value(trial, $0) ?? .null) })),
                    ("notes", .array(trial.notes.map(JSONValue.string))),
                ])
            })),
            ("merges", .array(plan.merges.map { merge in
                .object([
                    ("kept_trial", .int(Int64(merge.keptTrial))),
                    ("assignment", .object(merge.assignment.map { ($0.path, $0.value) })),
                    ("seed", .string(String(merge.seed))),
                    ("notes", .array(merge.notes.map(JSONValue.string))),
                ])
            })),
        ])
    }

    /// Each distinct drop note with the number of trials it applies to, in first-seen order.
    static func droppedCounts(_ plan: SweepPlan) -> [(note: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for note in plan.trials.flatMap(\.notes) {
            if counts[note] == nil { order.append(note) }
            counts[note, default: 0] += 1
        }
        return order.map { ($0, counts[$0] ?? 0) }
    }
}
