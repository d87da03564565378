import CFCore
import CFReport
import CFStore
import CFText

/// `/sweeps/NAME`: a sweep's progress, its comparison table (the rows of `cflab compare`),
/// every trial with its latest epoch, and the validation curves of the running and best trials.
struct SweepPage {
    var sweep: SweepSummary
    /// The comparison, or why there is none yet (no completed run, mixed sections…).
    var comparison: Result<Table, any Error>
    /// The stored epochs of each run, by run id.
    var epochs: [Int64: [EpochRecord]]
    /// The address of the sweep's report under `/report/`, when `cflab report` made one.
    var reportLink: String?
    var settings: ServeSettings

    /// How many trials the curves chart draws besides the running ones.
    static let bestDrawn = 5

    func render() -> String {
        let name = sweep.record.name
        var body = [
            "<h1>Sweep \(HTMLText.escape(name))</h1>",
            "<p class=\"meta\">created \(HTMLText.escape(sweep.record.createdAt)); swept keys: "
                + "\(HTMLText.escape(sweep.record.sweptKeys.isEmpty ? "none" : sweep.record.sweptKeys.joined(separator: ", ")))</p>",
            sweep.progressBar(width: 420, height: 16),
            "<p class=\"counts\">\(HTMLText.escape(sweep.countsLine)) of \(sweep.runs.count) trial\(sweep.runs.count == 1 ? "" : "s")</p>",
            "<p>" + [Links.anchor("/api/sweeps/\(Links.encoded(name))/compare", "comparison as JSON"),
                     Links.anchor("/api/runs?sweep=\(Links.encoded(name))", "runs as JSON"),
                     reportLink.map { Links.anchor($0, "static report") }].compactMap { $0 }.joined(separator: " · ") + "</p>",
            "<h2>Comparison</h2>",
        ]
        switch comparison {
        case let .success(table):
            body.append("<p class=\"meta\">\(HTMLText.escape(table.title ?? ""))</p>")
            body.append(HTMLTable.render(table, id: "compare"))
            body += table.remarks.map { "<p>\(HTMLText.escape($0))</p>" }
        case let .failure(error):
            body.append("<p class=\"note\">No comparison yet: \(HTMLText.escape(String(describing: error)))</p>")
        }
        body.append("<h2>Curves</h2>")
        body.append("<div class=\"charts\">\(curves())</div>")
        body.append("<h2>Trials</h2>")
        body.append("<div class=\"toolbar\"><a class=\"overlay-link\" href=\"/overlay\">Select runs to overlay</a></div>")
        body.append(trials())
        return PageShell.render(title: "Sweep \(name)", live: true, pollMilliseconds: settings.pollMilliseconds,
                                body: body.joined(separator: "\n"))
    }

    /// The trials table: pick box, id, status, swept values, epochs, best and latest metrics.
    func trials() -> String {
        let keys = sweep.record.sweptKeys
        let header = ["", "run", "status"] + keys + ["epochs", "best epoch", "best valid_rmse", "latest valid_rmse", "test rmse", "seconds", "note"]
        let rows = sweep.runs.sorted { $0.id > $1.id }.map { run -> [String] in
            let stored = epochs[run.id] ?? []
            return ["<td><input type=\"checkbox\" class=\"pick\" data-run=\"\(run.id)\" aria-label=\"overlay run \(run.id)\"></td>",
                    "<td>" + Links.anchor(Links.run(run.id), String(run.id)) + "</td>",
                    HTMLTable.status(run.status.rawValue)]
                + keys.map { HTMLTable.cell(TableCell(RunJSON.configValue(run, $0)), style: nil) }
                + [HTMLTable.integer(stored.last?.epoch), HTMLTable.integer(run.bestEpoch),
                   HTMLTable.number(run.bestMetrics["valid_rmse"]), HTMLTable.number(stored.last?.metrics["valid_rmse"]),
                   HTMLTable.number(run.testMetrics?["rmse"]), HTMLTable.number(run.durationSeconds, shown: .fixed(1)),
                   HTMLTable.text(run.error ?? "")]
        }
        return HTMLTable.rows(id: "trials", header: header, rows: rows, choosable: true)
    }

    /// `run 7 dot_bias 8 1 (running)`: the id, then the values of the swept keys.
    func label(_ run: RunRecord) -> String {
        let values = sweep.record.sweptKeys.map { RunJSON.configValue(run, $0).map(Self.plain) ?? "-" }
        return (["run \(run.id)"] + values).joined(separator: " ") + (run.status == .running ? " (running)" : "")
    }

    /// A config value as a legend shows it: text without quotes.
    static func plain(_ value: JSONValue) -> String {
        value.stringValue ?? value.compact
    }

    /// Validation RMSE per epoch of the running trials and the best finished ones.
    func curves() -> String {
        let running = sweep.runs.filter { $0.status == .running }
        let best = sweep.runs.filter { $0.status == .completed || $0.status == .pruned }
            .sorted { ($0.bestMetrics["valid_rmse"] ?? .infinity) < ($1.bestMetrics["valid_rmse"] ?? .infinity) }
            .prefix(Self.bestDrawn)
        let drawn = Array(best) + running
        let series = drawn.enumerated().map { index, run in
            CurveChart.Series(
                label: label(run), colour: CurveChart.colours[index % CurveChart.colours.count],
                points: (epochs[run.id] ?? []).map { ($0.epoch, $0.metrics["valid_rmse"] ?? .nan) }, marked: run.bestEpoch)
        }
        let title = "valid_rmse: the \(best.count) best finished trial\(best.count == 1 ? "" : "s")"
            + (running.isEmpty ? "" : " and \(running.count) running")
        return CurveChart(title: title, yLabel: "valid_rmse", series: series).svg()
    }
}
