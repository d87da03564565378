import CFReport
import CFStore

/// `/`: every sweep of the store with its progress (done, running, pruned, failed).
enum SweepsPage {
    static func render(_ sweeps: [SweepSummary], storePath: String, settings: ServeSettings) -> String {
        let rows = sweeps.reversed().map { sweep -> [String] in
            [
                "<td>" + Links.anchor(Links.sweep(sweep.record.name), sweep.record.name) + "</td>",
                HTMLTable.text(sweep.record.createdAt),
                HTMLTable.integer(sweep.runs.count),
                "<td>" + sweep.progressBar() + "<span class=\"meta\">\(HTMLText.escape(sweep.countsLine))</span></td>",
                HTMLTable.integer(sweep.count(.running)),
                HTMLTable.number(Self.best(sweep)),
                HTMLTable.text(sweep.record.sweptKeys.joined(separator: ", ")),
            ]
        }
        let table = sweeps.isEmpty
            ? "<p class=\"note\">No sweep in this store yet: `cflab run FILE` adds one, and it appears here as it runs.</p>"
            : HTMLTable.rows(id: "sweeps", header: ["sweep", "created", "trials", "progress", "running", "best valid_rmse", "swept keys"],
                             rows: rows)
        return PageShell.render(title: "Sweeps", live: true, pollMilliseconds: settings.pollMilliseconds, body: """
            <h1>Sweeps</h1>
            <p class="meta">Store \(HTMLText.escape(storePath)), read-only. Newest first; the page follows new commits.</p>
            \(table)
            """)
    }

    /// The lowest best `valid_rmse` among the sweep's completed runs.
    static func best(_ sweep: SweepSummary) -> Double? {
        sweep.runs.filter { $0.status == .completed }.compactMap { $0.bestMetrics["valid_rmse"] }.filter(\.isFinite).min()
    }
}
