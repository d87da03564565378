import CFCore
import CFReport
import CFStore
import CFText

/// `/overlay?runs=1,2,3&metric=valid_rmse`: the chosen runs' curves on one chart, with the
/// config keys on which they differ.
struct OverlayPage {
    var runs: [(record: RunRecord, epochs: [EpochRecord])]
    var metric: String
    /// Ids asked for that the store does not hold.
    var missing: [Int64]
    var settings: ServeSettings

    /// The most runs one overlay draws.
    static let limit = 24

    func render() -> String {
        let ids = runs.map { String($0.record.id) }.joined(separator: ",")
        let metrics = Set(runs.flatMap { $0.epochs.flatMap(\.metrics.keys) }).sorted()
        let choices = metrics.map { name in
            name == metric ? "<strong>\(HTMLText.escape(name))</strong>" : Links.anchor("/overlay?runs=\(ids)&metric=\(Links.encoded(name))", name)
        }
        let series = runs.enumerated().map { index, run in
            CurveChart.Series(
                label: "run \(run.record.id)", colour: CurveChart.colours[index % CurveChart.colours.count],
                points: run.epochs.map { ($0.epoch, $0.metrics[metric] ?? .nan) },
                marked: metric.hasPrefix("valid") ? run.record.bestEpoch : nil)
        }
        let chart = CurveChart(title: "\(metric) of \(runs.count) run\(runs.count == 1 ? "" : "s")", yLabel: metric, series: series,
                               width: 900, height: 420)
        let body = [
            "<h1>Overlay of \(runs.count) run\(runs.count == 1 ? "" : "s")</h1>",
            missing.isEmpty ? "" : "<p class=\"error\">No run " + missing.map(String.init).joined(separator: ", ") + " in this store.</p>",
            runs.isEmpty ? "<p class=\"note\">Pick runs on a sweep's page, or give ids: /overlay?runs=3,4,7</p>" : "",
            "<p>metric: " + choices.joined(separator: " · ") + "</p>",
            "<div class=\"charts\">\(chart.svg())</div>",
            "<h2>Runs</h2>",
            table(),
        ]
        return PageShell.render(title: "Overlay", live: true, pollMilliseconds: settings.pollMilliseconds, body: body.joined(separator: "\n"))
    }

    /// The config leaves whose values are not the same in every run (the seed and name included).
    func differingKeys() -> [String] {
        let leaves = runs.map { Dictionary($0.record.config.leaves.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }) }
        let keys = runs.first?.record.config.leaves.map(\.key) ?? []
        let all = keys + Set(leaves.flatMap(\.keys)).subtracting(keys).sorted()
        return all.filter { key in Set(leaves.map { $0[key] ?? .null }).count > 1 }
    }

    func table() -> String {
        let keys = differingKeys()
        let rows = runs.enumerated().map { index, run -> [String] in
            let colour = CurveChart.colours[index % CurveChart.colours.count]
            return ["<td><svg width=\"14\" height=\"14\"><rect width=\"14\" height=\"14\" fill=\"\(colour)\"/></svg> "
                    + Links.anchor(Links.run(run.record.id), String(run.record.id)) + "</td>",
                    HTMLTable.text(run.record.sweep), HTMLTable.status(run.record.status.rawValue)]
                + keys.map { HTMLTable.cell(TableCell(run.record.config.value(atPath: $0)), style: nil) }
                + [HTMLTable.integer(run.epochs.last?.epoch), HTMLTable.number(run.record.bestMetrics[metric]),
                   HTMLTable.number(run.epochs.last?.metrics[metric])]
        }
        return HTMLTable.rows(id: "overlay", header: ["run", "sweep", "status"] + keys + ["epochs", "best \(metric)", "latest \(metric)"],
                              rows: rows, choosable: true)
    }
}
