import CFCore
import CFStore
import Foundation

/// One cflab run as an MLflow run: meta, params from the config's leaves, one metric file
/// per epoch metric (step = epoch), tags, and the config and full record as artifacts.
struct MLflowRun {
    let record: RunRecord
    let epochs: [EpochRecord]
    let experimentId: String

    /// 32 hex digits from the run's id and creation time: stable across exports.
    var id: String {
        String(Digest.sha256Hex("cflab run \(record.id) \(record.createdAt)").prefix(32))
    }

    /// MLflow's RunStatus: RUNNING 1, FINISHED 3, FAILED 4, KILLED 5.
    var status: Int {
        switch record.status {
        case .pending, .running: return 1
        case .completed: return 3
        case .failed, .diverged: return 4
        case .interrupted, .superseded, .pruned: return 5
        }
    }

    var name: String { "run \(record.id) \(record.name)" }

    func meta(artifactURI: String) -> String {
        let end = record.endedAt.map { String(MLflowYAML.milliseconds($0)) } ?? "null"
        return MLflowYAML.document([
            ("artifact_uri", MLflowYAML.string(artifactURI)), ("end_time", end), ("entry_point_name", "''"),
            ("experiment_id", MLflowYAML.string(experimentId)), ("lifecycle_stage", "active"), ("run_id", MLflowYAML.string(id)),
            ("run_name", MLflowYAML.string(name)), ("source_name", "''"), ("source_type", "4"), ("source_version", "''"),
            ("start_time", String(MLflowYAML.milliseconds(record.startedAt ?? record.createdAt))), ("status", String(status)),
            ("tags", "[]"), ("user_id", MLflowYAML.string(record.host ?? "cflab")),
        ])
    }

    /// Every config leaf as a param: text as it is, numbers and booleans as JSON writes them.
    var params: [(String, String)] {
        record.config.leaves.map { leaf in
            let value: String = switch leaf.value {
            case let .string(text): text
            case .null: "None"
            default: leaf.value.compact
            }
            return (leaf.key, value)
        }
    }

    var tags: [(String, String)] {
        var pairs: [(String, String)] = [
            ("mlflow.runName", name), ("mlflow.source.name", "cflab"), ("mlflow.source.type", "LOCAL"),
            ("cflab.run_id", String(record.id)), ("cflab.sweep", record.sweep), ("cflab.status", record.status.rawValue),
            ("cflab.attempt", String(record.attempt)), ("cflab.seed", String(record.seed)), ("cflab.semantics", String(record.semantics)),
            ("cflab.data_fingerprint", record.dataFingerprint), ("cflab.split_fingerprint", record.splitFingerprint),
            ("cflab.build_id", record.buildId), ("cflab.trial_key", record.trialKey ?? ""),
        ]
        if let best = record.bestEpoch { pairs.append(("cflab.best_epoch", String(best))) }
        if let error = record.error { pairs.append(("mlflow.note.content", error)) }
        pairs += record.tags.map { ("cflab.tag.\($0)", "true") }
        return pairs
    }

    /// Each epoch metric's lines, plus `best.NAME` at the best epoch and `test.NAME` after the last.
    var metrics: [(String, [String])] {
        var lines: [String: [String]] = [:]
        var order: [String] = []
        func add(_ key: String, _ line: String) {
            if lines[key] == nil { order.append(key) }
            lines[key, default: []].append(line)
        }
        for epoch in epochs {
            let time = MLflowYAML.milliseconds(epoch.recordedAt)
            for key in epoch.metrics.keys.sorted() { add(key, "\(time) \(Self.number(epoch.metrics[key] ?? .nan)) \(epoch.epoch)") }
        }
        let end = MLflowYAML.milliseconds(record.endedAt ?? epochs.last?.recordedAt)
        for (key, value) in record.bestMetrics.sorted(by: { $0.key < $1.key }) {
            add("best.\(key)", "\(end) \(Self.number(value)) \(record.bestEpoch ?? 0)")
        }
        for (key, value) in (record.testMetrics ?? [:]).sorted(by: { $0.key < $1.key }) {
            add("test.\(key)", "\(end) \(Self.number(value)) \(epochs.last?.epoch ?? 0)")
        }
        return order.map { ($0, lines[$0] ?? []) }
    }

    /// A value as Python's `float()` reads it back exactly: shortest round-trip decimal, `nan`, `inf`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return "\(value)"
    }

    /// Writes the run under `experimentFolder`; returns the metric lines written.
    func write(into experimentFolder: URL, artifactRoot: URL) throws -> Int {
        let folder = experimentFolder.appendingPathComponent(id, isDirectory: true)
        try meta(artifactURI: artifactRoot.appendingPathComponent(id).appendingPathComponent("artifacts").absoluteString)
            .write(to: try Self.folder(folder, nil).appendingPathComponent("meta.yaml"), atomically: false, encoding: .utf8)
        try Self.files(params, in: try Self.folder(folder, "params"))
        try Self.files(tags, in: try Self.folder(folder, "tags"))
        let metrics = self.metrics
        try Self.files(metrics.map { ($0.0, $0.1.joined(separator: "\n") + "\n") }, in: try Self.folder(folder, "metrics"))
        let artifacts = try Self.folder(folder, "artifacts")
        try YAMLPrinter.print(record.config).write(to: artifacts.appendingPathComponent("config.yaml"), atomically: false, encoding: .utf8)
        try (RunJSON.detail(record, epochs: epochs).indented + "\n")
            .write(to: artifacts.appendingPathComponent("run.json"), atomically: false, encoding: .utf8)
        return metrics.reduce(0) { $0 + $1.1.count }
    }

    static func folder(_ base: URL, _ name: String?) throws -> URL {
        let url = name.map { base.appendingPathComponent($0, isDirectory: true) } ?? base
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One file per key, named by `OutputFolder.sanitisedName` (a name that sanitises to
    /// one already used gets `_2`, `_3`…), holding its value as it is.
    static func files(_ pairs: [(String, String)], in folder: URL) throws {
        var used: Set<String> = []
        for (key, value) in pairs {
            let base = OutputFolder.sanitisedName(key)
            var name = base, suffix = 2
            while used.contains(name) { name = "\(base)_\(suffix)"; suffix += 1 }
            used.insert(name)
            try value.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
    }
}
