import CFReport
import CFStore
import CFText

/// `/runs`: the runs `cflab runs` would list for the same query (`?sweep=`, `status=`,
/// `where=`, `sort=`), in the store's order (by id) unless sorted.
enum RunsPage {
    static func render(_ runs: [RunRecord], sweptKeys: [String], settings: ServeSettings) -> String {
        let keys = sweptKeys.filter { $0 != "seed" }
        let rows = runs.map { run -> [String] in
            ["<td><input type=\"checkbox\" class=\"pick\" data-run=\"\(run.id)\" aria-label=\"overlay run \(run.id)\"></td>",
             "<td>" + Links.anchor(Links.run(run.id), String(run.id)) + "</td>",
             run.sweep.isEmpty ? HTMLTable.text("") : "<td>" + Links.anchor(Links.sweep(run.sweep), run.sweep) + "</td>",
             HTMLTable.status(run.status.rawValue), HTMLTable.cell(TableCell(run.config.value(atPath: "model.kind")), style: nil),
             HTMLTable.integer(Int(run.seed))]
                + keys.map { HTMLTable.cell(TableCell(RunJSON.configValue(run, $0)), style: nil) }
                + [HTMLTable.integer(run.bestEpoch), HTMLTable.number(run.bestMetrics["valid_rmse"]),
                   HTMLTable.number(run.testMetrics?["rmse"]), HTMLTable.number(run.durationSeconds, shown: .fixed(1)),
                   HTMLTable.text(run.tags.joined(separator: ","))]
        }
        let header = ["", "run", "sweep", "status", "model", "seed"] + keys + ["best epoch", "valid_rmse", "test rmse", "seconds", "tags"]
        return PageShell.render(title: "Runs", live: true, pollMilliseconds: settings.pollMilliseconds, body: """
            <h1>Runs</h1>
            <p class="meta">\(runs.count) run\(runs.count == 1 ? "" : "s"). Filter with ?sweep=NAME&amp;status=running&amp;where=EXPRESSION \
            (the --where language of cflab runs).</p>
            <div class="toolbar"><a class="overlay-link" href="/overlay">Select runs to overlay</a></div>
            \(HTMLTable.rows(id: "runs", header: header, rows: rows, choosable: true))
            """)
    }
}
