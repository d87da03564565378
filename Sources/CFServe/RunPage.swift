import CFCore
import CFReport
import CFStore
import CFText

/// `/runs/ID`: a run's outcome, its curves, its epoch table, config and provenance.
struct RunPage {
    var run: RunRecord
    var epochs: [EpochRecord]
    var settings: ServeSettings

    /// Metrics shown first, in this order; the rest follow sorted.
    static let leading = ["train_loss", "train_rmse", "valid_rmse", "valid_mae", "lr", "seconds", "ratings_per_second", "cold_start"]

    func render() -> String {
        var body = [
            "<h1>Run \(run.id): \(HTMLText.escape(run.name))</h1>",
            "<p><span class=\"status status-\(HTMLText.escape(run.status.rawValue))\">\(HTMLText.escape(run.status.rawValue))</span> "
                + (run.error.map { "<span class=\"note\">\(HTMLText.escape($0))</span>" } ?? "") + "</p>",
            "<p class=\"meta\">" + [
                run.sweep.isEmpty ? nil : "sweep " + Links.anchor(Links.sweep(run.sweep), run.sweep) + ", attempt \(run.attempt)",
                "started \(HTMLText.escape(run.startedAt ?? "-"))", "ended \(HTMLText.escape(run.endedAt ?? "-"))",
                run.bestEpoch.map { "best epoch \($0)" }, run.bestMetrics["valid_rmse"].map { "best valid_rmse \(NumberStyle.fixed(4).text($0))" },
                run.tags.isEmpty ? nil : "tags " + HTMLText.escape(run.tags.joined(separator: ", ")),
            ].compactMap { $0 }.joined(separator: " · ") + "</p>",
            "<p>" + Links.anchor("/api/runs/\(run.id)", "run as JSON") + " · " + Links.anchor("/api/runs/\(run.id)/epochs", "epochs as JSON")
                + (run.sweep.isEmpty ? "" : " · " + Links.anchor("/overlay?runs=\(run.id)", "overlay with others")) + "</p>",
            "<h2>Curves</h2>",
            "<div class=\"charts\">\(charts())</div>",
            "<h2>Epochs</h2>",
            epochTable(),
            "<div class=\"grid\"><div>",
            "<h2>Config</h2>",
            "<pre>\(HTMLText.escape(YAMLPrinter.print(run.config)))</pre>",
            "</div><div>",
            "<h2>Provenance</h2>",
            provenance(),
            "</div></div>",
        ]
        if let test = run.testMetrics, !test.isEmpty {
            body.insert("<p>test: " + HTMLText.escape(test.keys.sorted().map { "\($0) \(NumberStyle.fixed(4).text(test[$0] ?? .nan))" }
                .joined(separator: ", ")) + "</p>", at: 4)
        }
        return PageShell.render(title: "Run \(run.id)", live: true, pollMilliseconds: settings.pollMilliseconds, body: body.joined(separator: "\n"))
    }

    /// Loss and RMSE, train against valid; and the learning rate.
    func charts() -> String {
        func series(_ metric: String, _ colour: String) -> CurveChart.Series? {
            guard epochs.contains(where: { $0.metrics[metric] != nil }) else { return nil }
            return CurveChart.Series(label: metric, colour: colour, points: epochs.map { ($0.epoch, $0.metrics[metric] ?? .nan) },
                                     marked: metric.hasPrefix("valid") ? run.bestEpoch : nil)
        }
        let rmse = CurveChart(title: "RMSE per epoch", yLabel: "rmse",
                              series: [series("train_rmse", "#8c8c8c"), series("valid_rmse", "#1b9e77")].compactMap { $0 })
        let loss = CurveChart(title: "training loss per epoch", yLabel: "loss", series: [series("train_loss", "#d95f02")].compactMap { $0 })
        let rate = CurveChart(title: "learning rate at each epoch's end", yLabel: "lr", series: [series("lr", "#7570b3")].compactMap { $0 })
        return [rmse.svg(), loss.svg(), rate.svg()].joined(separator: "\n")
    }

    /// One row per epoch, every metric in full for sorting and at 4 significant digits to read.
    func epochTable() -> String {
        let names = Set(epochs.flatMap(\.metrics.keys))
        let columns = Self.leading.filter(names.contains) + names.subtracting(Self.leading).sorted()
        let rows = epochs.map { epoch in
            [HTMLTable.integer(epoch.epoch)] + columns.map { HTMLTable.number(epoch.metrics[$0], shown: .significant(5)) }
                + [HTMLTable.text(epoch.recordedAt)]
        }
        guard !rows.isEmpty else { return "<p class=\"note\">No epoch recorded yet.</p>" }
        return HTMLTable.rows(id: "epochs", header: ["epoch"] + columns + ["recorded"], rows: rows, choosable: true)
    }

    /// Data, split, seeds, build and host, as `cflab show` gives them.
    func provenance() -> String {
        let pairs: [(String, String)] = [
            ("data", "\(run.dataSource) \(run.dataName) \(run.dataPath ?? "(generated)")"),
            ("data fingerprint", run.dataFingerprint), ("split", run.split.compact), ("split fingerprint", run.splitFingerprint),
            ("seed", String(run.seed)), ("streams", run.streamSeeds.compact), ("semantics", String(run.semantics)),
            ("trial key", run.trialKey ?? "-"), ("build", "\(run.buildId): \(run.build.compact)"),
            ("host", "\(run.host ?? "-") pid \(run.processId.map(String.init) ?? "-"), \(run.operatingSystem)"),
            ("cpu", "\(run.cpuModel), threads \(run.threads)"), ("heartbeat", run.heartbeatAt ?? "-"),
        ]
        return "<table>" + pairs.map { "<tr><th>\(HTMLText.escape($0.0))</th><td>\(HTMLText.escape($0.1))</td></tr>" }.joined() + "</table>"
    }
}
