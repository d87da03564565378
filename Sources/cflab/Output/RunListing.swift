import CFCore
import CFReport
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
        RunJSON.configValue(run, key)
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

    /// The runs as `--format json` prints them (`RunJSON`, shared with `cflab serve`).
    func json() -> JSONValue {
        RunJSON.listing(runs, sweptKeys: sweptKeys)
    }
}
