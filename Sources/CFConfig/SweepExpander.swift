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
        var trials: [SweepTrial] = []
        var merges: [SweepMerge] = []
        var issues: [ConfigIssue] = []
        var seen: [String: Int] = [:]
        let pinsSplit = !sweep.parameters.contains { $0.path == "split.seed" || $0.path == "split" }
        for point in points(of: sweep) {
            for seed in sweep.seeds {
                var decoder = ConfigDecoder(mainFile: file.path, mode: .sweepTrial)
                var tree = file.tree
                for (parameter, value) in zip(sweep.parameters, point) {
                    tree = tree.setting(path: parameter.path.split(separator: ".").map(String.init),
                                        to: MarkedNode(json: value, at: parameter.location), keyLocation: parameter.location)
                }
                var config = decoder.decode(tree, defaultName: file.config.name)
                let assignment = zip(sweep.parameters, point).map { SweepAssignment(path: $0.path, value: $1) }
                guard decoder.issues.isEmpty else {
                    let context = " (in the trial " + assignment.map(\.description).joined(separator: ", ") + ")"
                    issues += decoder.issues.map { ConfigIssue(location: $0.location, path: $0.path, message: $0.message + context) }
                    continue
                }
                if pinsSplit, [.random, .kfold, .perUser, .predefined].contains(config.split.kind) {
                    config.split.seed = file.config.splitSeed
                }
                config.seed = seed
                let resolved = ResolvedConfig.json(config)
                if let kept = seen[resolved.canonical] {
                    merges.append(SweepMerge(keptTrial: kept, assignment: assignment, seed: seed, notes: decoder.notes))
                    continue
                }
                seen[resolved.canonical] = trials.count
                trials.append(SweepTrial(index: trials.count, config: config, assignment: assignment,
                                         notes: decoder.notes, resolved: resolved))
            }
        }
        guard issues.isEmpty else {
            throw ConfigError(issues: Array(ConfigLoader.ordered(issues, mainFile: file.path).prefix(50)))
        }
        return SweepPlan(trials: trials, merges: merges, maxTrials: sweep.maxTrials)
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
            var generator = Xoshiro256StarStar(seed: sweep.samplerSeed)
            return (0..<sweep.samples).map { _ in
                sweep.parameters.map { draw($0.domain, using: &generator) }
            }
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
