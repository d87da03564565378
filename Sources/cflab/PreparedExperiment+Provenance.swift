import CFConfig
import CFCore
import CFData
import CFStore

extension PreparedExperiment {
    /// What the store records about this experiment before it trains: resolved config,
    /// seeds, data, split, build and host.
    func newRun(reproducing original: Int64? = nil) -> NewRun {
        let build = BuildInfo.current
        let streams = self.streams
        let streamSeeds = JSONValue.object(
            [("run", .string(String(streams.seed)))]
            + RandomStreams.Purpose.allCases.filter { $0 != .split }.map { ($0.rawValue, .string(String(streams.seed(for: $0)))) }
            + [("split", .string(String(config.splitSeed)))]
        )
        return NewRun(
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
    }
}
