import CFCore

/// Everything known about a run before it trains: config, seeds, data, split and build.
///
/// The runner fills it in; the store writes it to `runs` and the config's leaves to
/// `run_params` in the same transaction that creates the run.
public struct NewRun: Equatable, Sendable {
    /// Display name (the experiment's `name`).
    public var name: String
    /// The resolved config, stored as canonical JSON and flattened into `run_params`.
    public var config: JSONValue
    /// The base seed.
    public var seed: Int64
    /// The seeds of the named random streams (`init`, `shuffle`, `dropout`, `split`...).
    public var streamSeeds: JSONValue
    /// Tags at start (the config's `tags`); `tagRun` adds more later.
    public var tags: [String]
    public var dataSource: String
    public var dataName: String
    public var dataPath: String?
    public var dataFingerprint: String
    /// The split definition, as hashed into `splitFingerprint`.
    public var split: JSONValue
    public var splitFingerprint: String
    /// A short identity of the build; equal ids promise bitwise-equal arithmetic.
    public var buildId: String
    /// Git commit and dirty flag, cflab and Swift versions, compiler flags, OpenBLAS core.
    public var build: JSONValue
    public var operatingSystem: String
    public var cpuModel: String
    public var threads: Int
    /// The run this one reproduces (`cflab reproduce`), if any.
    public var reproducesRunId: Int64?
    /// The version of the training semantics (random streams, update rules) the run is
    /// trained under; runs stored before the `semantics` column existed have 1.
    public var semantics: Int

    public init(
        name: String, config: JSONValue, seed: Int64, streamSeeds: JSONValue = .object([]), tags: [String] = [],
        dataSource: String = "", dataName: String = "", dataPath: String? = nil, dataFingerprint: String = "",
        split: JSONValue = .object([]), splitFingerprint: String = "", buildId: String = "", build: JSONValue = .object([]),
        operatingSystem: String = "", cpuModel: String = "", threads: Int = 1, reproducesRunId: Int64? = nil,
        semantics: Int = 1
    ) {
        self.name = name
        self.config = config
        self.seed = seed
        self.streamSeeds = streamSeeds
        self.tags = tags
        self.dataSource = dataSource
        self.dataName = dataName
        self.dataPath = dataPath
        self.dataFingerprint = dataFingerprint
        self.split = split
        self.splitFingerprint = splitFingerprint
        self.buildId = buildId
        self.build = build
        self.operatingSystem = operatingSystem
        self.cpuModel = cpuModel
        self.threads = threads
        self.reproducesRunId = reproducesRunId
        self.semantics = semantics
    }
}
