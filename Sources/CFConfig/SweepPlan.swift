import CFCore

/// The trials a sweep will run, after inapplicable keys are dropped and duplicates merged.
public struct SweepPlan: Sendable {
    /// The distinct trials, in grid or sampling order, each seed after the other.
    public var trials: [SweepTrial]
    /// Trials that became identical to an earlier one and will not run separately.
    public var merges: [SweepMerge]
    /// `sweep.max_trials` (500 for a single run).
    public var maxTrials: Int
    /// Trials a `tpe` sweep will propose after these, batch by batch (0 otherwise).
    public var laterTrials = 0

    public init(trials: [SweepTrial], merges: [SweepMerge], maxTrials: Int) {
        self.trials = trials
        self.merges = merges
        self.maxTrials = maxTrials
    }

    public var count: Int { trials.count }

    /// True when running the plan needs confirmation (`--yes`).
    public var exceedsMaxTrials: Bool { count + laterTrials > maxTrials }

    /// The dotted paths of the resolved config whose values differ between trials, in
    /// docs/config.md order (`seed` included when several seeds run). Lists are compared whole.
    public func varyingKeys() -> [String] {
        var order: [String] = []
        var values: [String: Set<String>] = [:]
        var presence: [String: Int] = [:]
        for trial in trials {
            for (path, value) in trial.resolved.leaves {
                if values[path] == nil { order.append(path) }
                values[path, default: []].insert(value.canonical)
                presence[path, default: 0] += 1
            }
        }
        let varying = order.filter { (values[$0]?.count ?? 0) > 1 || presence[$0] != trials.count }
        guard let first = trials.first else { return [] }
        let canonicalOrder = ResolvedConfig.everyKey(first.config).leaves.map(\.key)
        let rank = Dictionary(canonicalOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return varying.enumerated().sorted {
            (rank[$0.element] ?? Int.max, $0.offset) < (rank[$1.element] ?? Int.max, $1.offset)
        }.map(\.element)
    }
}

/// One run of a sweep: a complete config, its seed, and the values that were swept in.
public struct SweepTrial: Equatable, Sendable {
    /// Position in the plan, from 0.
    public var index: Int
    /// The full config; `config.seed` is the trial seed.
    public var config: ExperimentConfig
    /// The swept values, in the order of `sweep.parameters`.
    public var assignment: [SweepAssignment]
    /// Keys dropped because they do not apply, such as "dropped model.layers (...)".
    public var notes: [String]
    /// `ResolvedConfig.json(config)`, kept because merging and `varyingKeys` compare it.
    public var resolved: JSONValue

    public var seed: UInt64 { config.seed }
}

/// A trial that resolved to the same config as an earlier one.
public struct SweepMerge: Equatable, Sendable, CustomStringConvertible {
    /// Index (in `SweepPlan.trials`) of the trial that runs in its place.
    public var keptTrial: Int
    public var assignment: [SweepAssignment]
    public var seed: UInt64
    /// Why the two became identical (the dropped keys).
    public var notes: [String]

    public var description: String {
        let values = assignment.map(\.description).joined(separator: ", ")
        let why = notes.isEmpty ? "" : ": " + notes.joined(separator: "; ")
        return "\(values) seed=\(seed) is the same as trial \(keptTrial)\(why)"
    }
}
