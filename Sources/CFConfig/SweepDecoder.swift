import CFCore

/// Reads the `sweep:` block: its method, seeds and parameter domains.
///
/// Parameter paths must name keys of the run file (with a "did you mean"); the values
/// themselves are checked when `SweepExpander` decodes each trial, since whether a value
/// is valid can depend on the other swept keys.
struct SweepDecoder {
    var reader = NodeReader()
    let base: ExperimentConfig

    init(base: ExperimentConfig) {
        self.base = base
    }

    var issues: [ConfigIssue] { reader.issues }

    mutating func decode(_ node: MarkedNode) -> SweepSpec? {
        guard let section = reader.section(node, "sweep") else { return nil }
        var spec = SweepSpec()
        spec.method = reader.choice(section["method"], "sweep.method") ?? spec.method
        let trials = ConfigLimits.maximumTrials
        spec.samples = reader.integer(section["samples"], "sweep.samples", atLeast: 1, atMost: trials) ?? spec.samples
        spec.samplerSeed = reader.seed(section["sampler_seed"], "sweep.sampler_seed") ?? base.seed
        spec.maxTrials = reader.integer(section["max_trials"], "sweep.max_trials", atLeast: 1, atMost: trials) ?? spec.maxTrials
        spec.seeds = [base.seed]
        if let seeds = reader.list(section["seeds"], "sweep.seeds", { $0.seed($1, $2) }), let node = section["seeds"] {
            if seeds.isEmpty {
                reader.fail(node, "sweep.seeds", "needs at least one seed, such as [1, 2, 3]")
            } else if seeds.count > ConfigLimits.maximumSeeds {
                reader.fail(node, "sweep.seeds", "at most \(ConfigLimits.maximumSeeds) seeds (cflab's limit), got \(seeds.count)")
            } else {
                spec.seeds = seeds
            }
        }
        if let repeats = reader.integer(section["repeats"], "sweep.repeats", atLeast: 1, atMost: ConfigLimits.maximumSeeds) {
            if let node = section["seeds"] {
                reader.fail(node, "sweep.seeds", "give seeds or repeats, not both")
            }
            spec.seeds = (0..<UInt64(repeats)).map { base.seed &+ $0 }
        }
        if let node = section["early_terminate"] {
            spec.earlyTerminate = decodeEarlyTermination(node, method: spec.method)
        }
        if let node = section["tpe"] {
            if spec.method == .tpe {
                spec.tpe = decodeTPE(node)
            } else {
                reader.fail(node, "sweep.tpe", "applies only to method: tpe")
            }
        }
        if let parameters = section["parameters"] {
            spec.parameters = decodeParameters(parameters, method: spec.method)
        } else {
            reader.fail(node, "sweep.parameters", "a sweep needs parameters, such as {model.embedding_dim: [16, 64]}")
        }
        return spec
    }

    private mutating func decodeParameters(_ node: MarkedNode, method: SweepSpec.Method) -> [SweepParameter] {
        guard let entries = node.entries else {
            reader.fail(node, "sweep.parameters", "expected a mapping of dotted keys to values, such as {optimizer.lr: [1.0e-3, 1.0e-2]}")
            return []
        }
        var parameters: [SweepParameter] = []
        for entry in entries {
            let label = "sweep.parameters.\(entry.key)"
            if let reason = ConfigSchema.unsweepable[entry.key] {
                reader.fail(entry.keyLocation, label, entry.key == "seed" ? reason : "cannot be swept: \(reason)")
                continue
            }
            guard ConfigSchema.sweepablePaths.contains(entry.key) else {
                reader.fail(entry.keyLocation, label, ConfigSchema.unknownPathMessage(entry.key, among: ConfigSchema.sweepablePaths))
                continue
            }
            if let domain = decodeDomain(entry.value, label: label, method: method) {
                parameters.append(SweepParameter(path: entry.key, domain: domain, location: entry.keyLocation))
            }
        }
        return parameters
    }

    private mutating func decodeDomain(_ node: MarkedNode, label: String, method: SweepSpec.Method) -> SweepParameter.Domain? {
        if case let .sequence(items) = node.content {
            guard !items.isEmpty else {
                reader.fail(node, label, "needs at least one value")
                return nil
            }
            return .values(items.map(\.json))
        }
        guard let spec = reader.section(node, label, allowed: ["values", "min", "max", "log", "int"]) else { return nil }
        if let values = spec["values"] {
            if spec.fields.count > 1 {
                reader.fail(node, label, "give either values or min/max, not both")
            }
            return decodeDomain(values, label: label, method: method)
        }
        guard method != .grid else {
            reader.fail(node, label, "min/max ranges need method: random or tpe; list the values for a grid")
            return nil
        }
        guard spec["min"] != nil, spec["max"] != nil else {
            reader.fail(node, label, "a range needs min and max, such as {min: 1.0e-4, max: 1.0e-2, log: true}")
            return nil
        }
        let log = reader.flag(spec["log"], label + ".log") ?? false
        let integer = reader.flag(spec["int"], label + ".int") ?? false
        guard let low = reader.number(spec["min"], label + ".min"), let high = reader.number(spec["max"], label + ".max") else {
            return nil
        }
        guard low < high else {
            reader.fail(node, label, "min must be below max")
            return nil
        }
        guard !log || low > 0 else {
            reader.fail(node, label, "a log range needs min > 0")
            return nil
        }
        return .range(min: low, max: high, log: log, integer: integer)
    }

    /// `sweep.early_terminate`: `{kind, min_epochs, eta, metric}`.
    private mutating func decodeEarlyTermination(_ node: MarkedNode, method: SweepSpec.Method) -> EarlyTermination? {
        let path = "sweep.early_terminate"
        guard let section = reader.section(node, path) else { return nil }
        guard let kindNode = section["kind"] else {
            reader.fail(node, path + ".kind", "missing; give kind: successive_halving or kind: asha")
            return nil
        }
        guard let kind = reader.choice(kindNode, path + ".kind", as: EarlyTermination.Kind.self) else { return nil }
        var rule = EarlyTermination(kind: kind)
        rule.minEpochs = reader.integer(section["min_epochs"], path + ".min_epochs", atLeast: 1, atMost: ConfigLimits.maximumEpochs) ?? rule.minEpochs
        rule.eta = reader.integer(section["eta"], path + ".eta", atLeast: 2, atMost: 100) ?? rule.eta
        rule.metric = metric(section["metric"], path + ".metric") ?? rule.metric
        if kind == .successiveHalving, method == .tpe, let kindNode = section["kind"] {
            reader.fail(kindNode, path + ".kind", "successive_halving waits for every trial, which tpe proposes batch by batch; use kind: asha with method: tpe")
        }
        return rule
    }

    /// `sweep.tpe`: `{startup_trials, candidates, gamma, prior_weight, batch, metric}`.
    private mutating func decodeTPE(_ node: MarkedNode) -> TPESettings {
        let path = "sweep.tpe"
        var settings = TPESettings()
        guard let section = reader.section(node, path) else { return settings }
        let trials = ConfigLimits.maximumTrials
        settings.startupTrials = reader.integer(section["startup_trials"], path + ".startup_trials", atLeast: 1, atMost: trials) ?? settings.startupTrials
        settings.candidates = reader.integer(section["candidates"], path + ".candidates", atLeast: 1, atMost: 10_000) ?? settings.candidates
        settings.gamma = reader.number(section["gamma"], path + ".gamma", .openFraction) ?? settings.gamma
        settings.priorWeight = reader.number(section["prior_weight"], path + ".prior_weight", .positive) ?? settings.priorWeight
        settings.batch = reader.integer(section["batch"], path + ".batch", atLeast: 1, atMost: trials) ?? settings.batch
        settings.metric = metric(section["metric"], path + ".metric") ?? settings.metric
        return settings
    }

    /// One of `EarlyTermination.metrics`, with a "did you mean" otherwise.
    private mutating func metric(_ node: MarkedNode?, _ path: String) -> String? {
        guard let node, let text = reader.text(node, path) else { return nil }
        let allowed = EarlyTermination.metrics
        guard allowed.contains(text) else {
            let hint = EditDistance.suggestion(for: text, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
            reader.fail(node, path, "unknown metric '\(text)'\(hint); expected one of \(allowed.joined(separator: ", "))")
            return nil
        }
        return text
    }
}
