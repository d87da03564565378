import CFCore
import CFStore
import Foundation

/// Runs as rows: id, sweep, status, model, seed, swept keys, best epoch and metrics.
struct RunListing {
    let runs: [RunRecord]
    /// Config keys shown as extra columns (a sweep's swept keys).
    let sweptKeys: [String]

    static func number(_ value: Double?, digits: Int = 4) -> String {
        value.map { String(format: "%.\(digits)f", $0) } ?? "-"
    }

    static func configValue(_ run: RunRecord, _ key: String) -> JSONValue? {
        key == "seed" ? .int(run.seed) : run.config.value(atPath: key)
    }

    func table() -> TextTable {
        let keys = sweptKeys.filter { $0 != "seed" }
        var table = TextTable(headers: ["id", "sweep", "attempt", "status", "model", "seed"] + keys
            + ["best_epoch", "valid_rmse", "test_rmse", "seconds", "tags"])
        for run in runs {
            table.append([
                String(run.id), run.sweep, String(run.attempt), run.status.rawValue,
                run.config.value(atPath: "model.kind")?.stringValue ?? "-", String(run.seed),
            ] + keys.map { key in Self.configValue(run, key).map { $0.stringValue ?? $0.compact } ?? "-" } + [
                run.bestEpoch.map(String.init) ?? "-", Self.number(run.bestMetrics["valid_rmse"]),
                Self.number(run.testMetrics?["rmse"]), Self.number(run.durationSeconds, digits: 1),
                run.tags.joined(separator: ","),
            ])
        }
        return table
    }

    func json() -> JSONValue {
        func metrics(_ values: [String: Double]?) -> JSONValue {
            values.map { map in .object(map.keys.sorted().map { ($0, .double(map[$0] ?? .nan)) }) } ?? .null
        }
        return .array(runs.map { run in
            var pairs: [(String, JSONValue)] = []
            pairs.append(("id", .int(run.id)))
            pairs.append(("sweep", .string(run.sweep)))
            pairs.append(("trial_key", run.trialKey.map(JSONValue.string) ?? .null))
            pairs.append(("attempt", .int(Int64(run.attempt))))
            pairs.append(("name", .string(run.name)))
            pairs.append(("status", .string(run.status.rawValue)))
            pairs.append(("error", run.error.map(JSONValue.string) ?? .null))
            pairs.append(("seed", .int(run.seed)))
            pairs.append(("params", .object(sweptKeys.map { ($0, Self.configValue(run, $0) ?? .null) })))
            pairs.append(("best_epoch", run.bestEpoch.map { JSONValue.int(Int64($0)) } ?? .null))
            pairs.append(("best", metrics(run.bestMetrics.isEmpty ? nil : run.bestMetrics)))
            pairs.append(("final", metrics(run.finalMetrics.isEmpty ? nil : run.finalMetrics)))
            pairs.append(("test", metrics(run.testMetrics)))
            pairs.append(("seconds", run.durationSeconds.map(JSONValue.double) ?? .null))
            pairs.append(("started_at", run.startedAt.map(JSONValue.string) ?? .null))
            pairs.append(("build_id", .string(run.buildId)))
            pairs.append(("tags", .array(run.tags.map(JSONValue.string))))
            pairs.append(("reproduces_run_id", run.reproducesRunId.map { JSONValue.int($0) } ?? .null))
            return JSONValue.object(pairs)
        })
    }
}
