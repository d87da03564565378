import CFCore
import Foundation

/// Expands a sweep into its trials: grid product or random samples, times seeds.
///
/// A grid visits the cartesian product in file order, the first parameter varying
/// slowest. A random sweep draws `samples` points from `Xoshiro256StarStar(seed:
/// sampler_seed)`, one draw per parameter in file order: a uniform pick from a value
/// list, uniform in [min, max), or log-uniform when `log` (rounded when `int`). Each
/// point runs once per seed. Every trial is decoded from the file with its values set
/// (so values are validated with their file location), keys that do not apply are
/// dropped, the split seed is pinned to the file's unless `split.seed` is swept, and
/// trials with identical resolved configs are merged.
public enum SweepExpander {
    /// No sweep expands to more trials than this, even with `--yes`.
    public static let hardLimit = ConfigLimits.maximumTrials

    /// The plan of `file`; a single-run file gives a plan of one trial.
    ///
    /// A `tpe` sweep's plan holds the trials of its first batch of points only
    /// (`SweepPlan.laterTrials` counts the rest): later points depend on results.
    public static func expand(_ file: ExperimentFile) throws -> SweepPlan {
        guard let sweep = file.sweep else {
            let trial = SweepTrial(index: 0, config: file.config, assignment: [], notes: [],
                                   resolved: ResolvedConfig.json(file.config))
            return SweepPlan(trials: [trial], merges: [], maxTrials: 500)
        }
        guard sweep.plannedCount <= hardLimit else {
            throw ConfigError(sweep.parameters.first?.location ?? .file(file.path, line: 1, column: 1), "sweep",
                              "the sweep has \(sweep.plannedCount) trials, more than cflab expands (\(hardLimit)); sweep fewer values")
        }
        if sweep.method == .tpe {
            let expansion = try firstBatch(file, sweep: sweep)
            var plan = expansion.plan
            plan.laterTrials = (sweep.samples - expansion.pointTrials.count) * sweep.seeds.count
            return plan
        }
        var expansion = SweepExpansion(file: file, sweep: sweep)
        try expansion.add(points(of: sweep))
        return expansion.plan
    }

    /// A `tpe` sweep with the points of its first batch added (`TPESource` adds the rest).
    public static func firstBatch(_ file: ExperimentFile, sweep: SweepSpec) throws -> SweepExpansion {
        var expansion = SweepExpansion(file: file, sweep: sweep)
        try expansion.add(TPEProposals(sweep: sweep).points(batch: 0, history: []))
        return expansion
    }

    /// The swept values of every point, in visiting order.
    static func points(of sweep: SweepSpec) -> [[JSONValue]] {
        switch sweep.method {
        case .grid:
            var points: [[JSONValue]] = [[]]
            for parameter in sweep.parameters {
                guard case let .values(values) = parameter.domain else { continue }
                points = points.flatMap { prefix in values.map { prefix + [$0] } }
            }
            return points
        case .random:
            return randomPoints(of: sweep, count: sweep.samples)
        case .tpe:
            return []
        }
    }

    /// The first `count` points of a random sweep with the sweep's `sampler_seed` (also
    /// the startup points of `tpe`, so that both methods start alike).
    static func randomPoints(of sweep: SweepSpec, count: Int) -> [[JSONValue]] {
        var generator = Xoshiro256StarStar(seed: sweep.samplerSeed)
        return (0..<count).map { _ in
            sweep.parameters.map { draw($0.domain, using: &generator) }
        }
    }

    private static func draw(_ domain: SweepParameter.Domain, using generator: inout Xoshiro256StarStar) -> JSONValue {
        switch domain {
        case let .values(values):
            return values[generator.nextInt(below: values.count)]
        case let .range(low, high, log, integer):
            let unit = generator.nextDouble()
            let value = log ? Foundation.exp(Foundation.log(low) + unit * (Foundation.log(high) - Foundation.log(low)))
                : low + unit * (high - low)
            guard integer else { return .double(value) }
            return .int(Int64(min(max(value.rounded(), low.rounded(.up)), high.rounded(.down))))
        }
    }
}
