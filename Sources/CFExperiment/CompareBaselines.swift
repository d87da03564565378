import CFConfig
import CFCore

/// The trials `cflab run --baselines` adds to a plan, so that `cflab compare` and
/// `cflab report` can show `global_mean` and `biases` beside the models.
///
/// Each baseline is a copy of the plan's first trial (same data, split and seed) with
/// only `model.kind` changed; it joins the sweep under its own trial key, so running the
/// file again skips it like any completed trial.
public enum CompareBaselines {
    public static let kinds: [ModelConfig.Kind] = [.globalMean, .biases]

    /// `plan` with one trial per baseline kind appended (kinds the plan already has are skipped).
    public static func adding(to plan: SweepPlan) -> SweepPlan {
        guard let first = plan.trials.first else { return plan }
        var plan = plan
        var existing = Set(plan.trials.map(\.resolved.canonical))
        for kind in kinds {
            var trial = first
            trial.config.model.kind = kind
            trial.resolved = ResolvedConfig.json(trial.config)
            guard existing.insert(trial.resolved.canonical).inserted else { continue }
            trial.index = plan.trials.count
            trial.assignment = [SweepAssignment(path: "model.kind", value: .string(kind.rawValue))]
            trial.notes = ["baseline"]
            plan.trials.append(trial)
        }
        return plan
    }
}
