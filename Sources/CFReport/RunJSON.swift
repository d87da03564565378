import CFCore
import CFStore

/// Runs as JSON, numbers in full: the one code path behind `cflab runs --format json`,
/// `cflab show --format json` and the dashboard's `/api/` routes, so that every one of
/// them prints the same lossless values.
public enum RunJSON {
    /// A config value of `run` at the dotted `key`; `seed` reads the run's seed.
    public static func configValue(_ run: RunRecord, _ key: String) -> JSONValue? {
        key == "seed" ? .int(run.seed) : run.config.value(atPath: key)
    }

    /// A metric map with its keys sorted, or null.
    public static func metrics(_ values: [String: Double]?) -> JSONValue {
        values.map { map in .object(map.keys.sorted().map { ($0, .double(map[$0] ?? .nan)) }) } ?? .null
    }

    /// One object per run: id, sweep, trial, status, the `sweptKeys` values (`params`),
    /// best, final and test metrics, duration, build and tags.
    public static func listing(_ runs: [RunRecord], sweptKeys: [String]) -> JSONValue {
        .array(runs.map { summary($0, sweptKeys: sweptKeys) })
    }

    /// The listing's object of one run.
    public static func summary(_ run: RunRecord, sweptKeys: [String]) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        pairs.append(("id", .int(run.id)))
        pairs.append(("sweep", .string(run.sweep)))
        pairs.append(("trial_key", run.trialKey.map(JSONValue.string) ?? .null))
        pairs.append(("attempt", .int(Int64(run.attempt))))
        pairs.append(("name", .string(run.name)))
        pairs.append(("status", .string(run.status.rawValue)))
        pairs.append(("error", run.error.map(JSONValue.string) ?? .null))
        pairs.append(("seed", .int(run.seed)))
        pairs.append(("params", .object(sweptKeys.map { ($0, configValue(run, $0) ?? .null) })))
        pairs.append(("best_epoch", run.bestEpoch.map { JSONValue.int(Int64($0)) } ?? .null))
        pairs.append(("best", metrics(run.bestMetrics.isEmpty ? nil : run.bestMetrics)))
        pairs.append(("final", metrics(run.finalMetrics.isEmpty ? nil : run.finalMetrics)))
        pairs.append(("test", metrics(run.testMetrics)))
        pairs.append(("seconds", run.durationSeconds.map(JSONValue.double) ?? .null))
        pairs.append(("started_at", run.startedAt.map(JSONValue.string) ?? .null))
        pairs.append(("build_id", .string(run.buildId)))
        pairs.append(("tags", .array(run.tags.map(JSONValue.string))))
        pairs.append(("reproduces_run_id", run.reproducesRunId.map { JSONValue.int($0) } ?? .null))
        return .object(pairs)
    }

    /// The run as one object: the listing's fields (without `params`), then its config,
    /// provenance and epochs.
    public static func detail(_ run: RunRecord, epochs: [EpochRecord]) -> JSONValue {
        guard case var .object(pairs) = summary(run, sweptKeys: []) else { return .null }
        pairs.removeAll { $0.0 == "params" }
        pairs += [
            ("semantics", .int(Int64(run.semantics))), ("config", run.config),
            ("provenance", .object([
                ("data_source", .string(run.dataSource)), ("data_name", .string(run.dataName)),
                ("data_path", run.dataPath.map(JSONValue.string) ?? .null), ("data_fingerprint", .string(run.dataFingerprint)),
                ("split", run.split), ("split_fingerprint", .string(run.splitFingerprint)), ("stream_seeds", run.streamSeeds),
                ("build", run.build), ("host", run.host.map(JSONValue.string) ?? .null),
                ("operating_system", .string(run.operatingSystem)), ("cpu", .string(run.cpuModel)), ("threads", .int(Int64(run.threads))),
            ])),
            ("epochs", self.epochs(epochs)),
        ]
        return .object(pairs)
    }

    /// One object per epoch: `epoch`, then every metric, keys sorted.
    public static func epochs(_ epochs: [EpochRecord]) -> JSONValue {
        .array(epochs.map { epoch in
            .object([("epoch", .int(Int64(epoch.epoch)))] + epoch.metrics.keys.sorted().map { ($0, .double(epoch.metrics[$0] ?? .nan)) })
        })
    }
}
