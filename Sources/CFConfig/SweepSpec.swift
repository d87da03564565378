import CFCore

/// The `sweep:` block of an experiment file: which keys vary, how, and with which seeds.
///
/// `seeds` lists the seeds every point runs with: `seeds: [...]` as written, or
/// `repeats: n` meaning the file's `seed`, `seed + 1`, ..., `seed + n - 1`; without
/// either, just the file's `seed`. The split is pinned to the file's split seed.
public struct SweepSpec: Equatable, Sendable {
    public enum Method: String, CaseIterable, Sendable { case grid, random, tpe }

    /// `method`, default `grid`.
    public var method: Method = .grid
    /// `parameters`, in file order (for a grid, the first varies slowest).
    public var parameters: [SweepParameter] = []
    /// `samples`: how many points a random sweep draws. Default 10.
    public var samples: Int = 10
    /// `sampler_seed`: seeds the random sweep's generator. Default the file's `seed`.
    public var samplerSeed: UInt64 = 0
    /// The trial seeds (see the type's documentation).
    public var seeds: [UInt64] = []
    /// `max_trials`: more trials need confirmation (`--yes`). Default 500.
    public var maxTrials: Int = 500
    /// `early_terminate`: the pruning rule; nil (the default) trains every trial to its end.
    public var earlyTerminate: EarlyTermination?
    /// `tpe`: the settings of `method: tpe` (ignored by the other methods).
    public var tpe = TPESettings()

    public init() {}

    /// How many points the sweep visits before seeds and merges.
    public var pointCount: Int {
        switch method {
        case .random, .tpe: return samples
        case .grid:
            return parameters.reduce(1) { count, parameter in
                guard case let .values(values) = parameter.domain else { return count }
                let (product, overflow) = count.multipliedReportingOverflow(by: values.count)
                return overflow ? Int.max : product
            }
        }
    }

    /// Points times seeds: the number of trials before identical ones are merged.
    public var plannedCount: Int {
        let (product, overflow) = pointCount.multipliedReportingOverflow(by: max(1, seeds.count))
        return overflow ? Int.max : product
    }
}

/// One swept key: a dotted path and the values it takes.
public struct SweepParameter: Equatable, Sendable {
    public enum Domain: Equatable, Sendable {
        /// `[a, b, c]` or `{values: [a, b, c]}`.
        case values([JSONValue])
        /// `{min, max, log, int}` (random sweeps only): uniform, or log-uniform when `log`.
        case range(min: Double, max: Double, log: Bool, integer: Bool)
    }

    /// A dotted path such as `optimizer.lr`.
    public var path: String
    public var domain: Domain
    /// Where the parameter is written; sweep values report errors here.
    public var location: ConfigLocation

    public init(path: String, domain: Domain, location: ConfigLocation) {
        self.path = path
        self.domain = domain
        self.location = location
    }
}

/// One swept value of a trial.
public struct SweepAssignment: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var value: JSONValue

    public init(path: String, value: JSONValue) {
        self.path = path
        self.value = value
    }

    /// `optimizer.lr=0.001`.
    public var description: String {
        "\(path)=\(value.stringValue ?? value.compact)"
    }
}
