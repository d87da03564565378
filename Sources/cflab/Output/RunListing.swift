import CFCore
import CFStore
import CFText

/// Runs as rows: id, sweep, status, model, seed, swept keys, best epoch and metrics.
struct RunListing {
    let runs: [RunRecord]
    /// Config keys shown as extra columns (a sweep's swept keys).
    let sweptKeys: [String]

    /// `value` with `digits` decimals, `-` when missing (for `cflab show`'s lines).
    static func number(_ value: Double?, digits: Int = 4) -> String {
        value.map(NumberStyle.fixed(digits).text) ?? "-"
    }

    static func configValue(_ run: RunRecord, _ key: String) -> JSONValue? {
        key == "seed" ? .int(run.seed) : run.config.value(atPath: key)
    }

    /// One row per run; metrics at 4 decimals and seconds at 1 for people, in full for CSV.
    func table() -> Table {
        let keys = sweptKeys.filter { $0 != "seed" }
        let text = ["sweep", "status", "model", "tags"]
        var columns = (["id", "sweep", "attempt", "status", "model", "seed"] + keys + ["best_epoch"]).map {
            TableColumn($0, alignment: text.contains($0) ? .left : .automatic)
        }
        columns += [TableColumn("valid_rmse", alignment: .right, numbers: .fixed(4)), TableColumn("test_rmse", alignment: .right, numbers: .fixed(4)),
                    TableColumn("seconds", alignment: .right, numbers: .fixed(1)), TableColumn("tags", alignment: .left)]
        var table = Table(columns: columns)
        for run in runs {
            table.append([
                .integer(Int(run.id)), .text(run.sweep), .integer(run.attempt), .text(run.status.rawValue),
                TableCell(run.config.value(atPath: "model.kind")), .integer(Int(run.seed)),
            ] + keys.map { TableCell(Self.configValue(run, $0)) } + [
                TableCell(run.bestEpoch.map { .int(Int64($0)) }), .number(run.bestMetrics["valid_rmse"]),
                .number(run.testMetrics?["rmse"]), .number(run.durationSeconds), .text(run.tags.joined(separator: ",")),
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
