/// A loaded experiment file: the base run, its sweep if any, and where it came from.
public struct ExperimentFile: Sendable {
    /// The file as named by the caller (issue locations use the same spelling).
    public var path: String
    /// The run described by the file, with `base`, overrides and defaults applied.
    /// For a sweep this is the run before any parameter is varied.
    public var config: ExperimentConfig
    /// The `sweep:` block, or nil for a single run.
    public var sweep: SweepSpec?
    /// The merged tree (without `sweep`) that sweep trials are decoded from.
    let tree: MarkedNode

    init(path: String, config: ExperimentConfig, sweep: SweepSpec?, tree: MarkedNode) {
        self.path = path
        self.config = config
        self.sweep = sweep
        self.tree = tree
    }

    /// True when the file has a `sweep:` block.
    public var isSweep: Bool { sweep != nil }
}
