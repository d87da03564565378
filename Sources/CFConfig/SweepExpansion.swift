import CFCore

/// The trials of a sweep, built point by point: each point once per seed, decoded from
/// the file with its values set, identical resolved configs merged.
///
/// A grid or random sweep adds all its points at once (`SweepExpander.expand`); a `tpe`
/// sweep adds each batch of proposals as it is made, so that merges reach back to the
/// trials of earlier batches.
public struct SweepExpansion: Sendable {
    public let file: ExperimentFile
    public let sweep: SweepSpec
    public private(set) var trials: [SweepTrial] = []
    public private(set) var merges: [SweepMerge] = []
    /// For each point added so far, the indexes of its trials (one per seed; a merged
    /// trial gives the index of the trial that runs in its place).
    public private(set) var pointTrials: [[Int]] = []
    private var seen: [String: Int] = [:]

    public init(file: ExperimentFile, sweep: SweepSpec) {
        self.file = file
        self.sweep = sweep
    }

    /// The plan of every trial added so far.
    public var plan: SweepPlan {
        SweepPlan(trials: trials, merges: merges, maxTrials: sweep.maxTrials)
    }

    /// Adds the trials of `points`; throws every config error of their trials at once.
    public mutating func add(_ points: [[JSONValue]]) throws {
        var issues: [ConfigIssue] = []
        let pinsSplit = !sweep.parameters.contains { $0.path == "split.seed" || $0.path == "split" }
        for point in points {
            var indexes: [Int] = []
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
                    indexes.append(kept)
                    continue
                }
                seen[resolved.canonical] = trials.count
                indexes.append(trials.count)
                trials.append(SweepTrial(index: trials.count, config: config, assignment: assignment,
                                         notes: decoder.notes, resolved: resolved))
            }
            pointTrials.append(indexes)
        }
        guard issues.isEmpty else {
            throw ConfigError(issues: Array(ConfigLoader.ordered(issues, mainFile: file.path).prefix(50)))
        }
    }
}
