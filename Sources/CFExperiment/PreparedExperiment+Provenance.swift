import CFConfig
import CFCore
import CFData
import CFStore

extension PreparedExperiment {
    /// What the store records about this experiment before it trains: resolved config,
    /// semantics and stream seeds, data, split, build and host.
    public func newRun(reproducing original: Int64? = nil, build: BuildInfo = .current) -> NewRun {
        var run = NewRun(
            name: config.name, config: ResolvedConfig.json(config), seed: Int64(clamping: config.seed),
            streamSeeds: streamSeeds, tags: config.tags,
            dataSource: config.data.source.rawValue, dataName: dataset.name, dataPath: dataset.path,
            dataFingerprint: dataset.fingerprint,
            split: Splitter.definition(config.split, seed: config.splitSeed, dataset: dataset),
            splitFingerprint: split.fingerprint,
            buildId: build.id, build: build.json,
            operatingSystem: HostInfo.operatingSystem, cpuModel: HostInfo.cpuModel,
            threads: config.training.threads, reproducesRunId: original
        )
        run.semantics = semantics.version
        return run
    }

    /// The stream scheme, the base seed (`run`) every stream derives from, and each
    /// purpose's seed: what `cflab reproduce` rebuilds the streams from.
    public var streamSeeds: JSONValue {
        .object(
            [("scheme", .string(streams.scheme.rawValue)), ("run", .string(String(streams.seed)))]
            + RandomStreams.Purpose.allCases.filter { $0 != .split }.map { ($0.rawValue, .string(String(streams.seed(for: $0)))) }
            + [("split", .string(String(config.splitSeed)))]
        )
    }
}
