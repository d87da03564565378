import CFCore

/// `index.html`: one static page with the comparison table, the charts and each run's
/// provenance. It links only files beside it, so it works offline; all text is escaped.
public struct ReportPage: Sendable {
    public let report: ReportData
    public let charts: ChartSet
    public let extremes: [PrincipalExtreme]
    /// Which items the PCA was fitted on ("the 1,234 items with at least 20 training ratings").
    public let pcaBasis: String

    /// The words of the command that made the page (`cflab report ...`), when known.
    public let command: [String]?

    public init(report: ReportData, charts: ChartSet, extremes: [PrincipalExtreme], pcaBasis: String = "", command: [String]? = nil) {
        self.pcaBasis = pcaBasis
        self.command = command
        self.report = report
        self.charts = charts
        self.extremes = extremes
    }

    static let style = """
        body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}
        table{border-collapse:collapse;margin:1em 0;font-size:90%}
        th,td{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left;white-space:nowrap}
        .scroll{overflow-x:auto;max-width:100%}
        td.number{text-align:right;font-variant-numeric:tabular-nums}
        tr.best{font-weight:bold;background:#eef7ee}
        figure{margin:2em 0}img{max-width:100%;border:1px solid #eee}
        pre{background:#f6f6f6;padding:0.6em;overflow-x:auto;font-size:85%}
        """

    public var html: String {
        let name = HTMLText.escape(report.name)
        var lines = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>cflab report: \(name)</title>", "<style>\(Self.style)</style>", "</head>", "<body>",
            "<h1>cflab report: \(name)</h1>",
            "<p>Regenerate with <code>\(HTMLText.escape(command.map(Self.shellCommand) ?? "cflab report " + selectionWords))</code>; every number below is read from the run store.</p>",
            "<h2>Comparison</h2>", "<p>\(HTMLText.escape(report.table.title ?? ""))</p>", "<div class=\"scroll\">" + HTMLText.table(report.table) + "</div>",
        ]
        lines += report.table.remarks.map { "<p>\(HTMLText.escape($0))</p>" }
        lines.append("<h2>Charts</h2>")
        for chart in charts.charts {
            let file = HTMLText.escape(chart.name)
            lines.append("<figure><a href=\"\(file).svg\"><img src=\"\(file).png\" alt=\"\(HTMLText.escape(chart.caption))\"></a>"
                + "<figcaption>\(HTMLText.escape(chart.caption)) Script: <a href=\"\(file).gp\">\(file).gp</a>, data: <a href=\"\(file).dat\">\(file).dat</a>.</figcaption></figure>")
        }
        if !charts.skipped.isEmpty {
            lines.append("<p>Not drawn:</p><ul>" + charts.skipped.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>")
        }
        if !extremes.isEmpty { lines += extremesSection() }
        lines.append("<h2>Provenance</h2>")
        for run in Comparison.ranked(report.runs) { lines += provenance(run) }
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func extremesSection() -> [String] {
        let columns = ["end", "title", "PC1", "PC2", "mean rating", "ratings", "genres"]
        var lines = ["<h2>Items at the ends of PC1 (run \(report.best.record.id))</h2>",
                     "<p>" + HTMLText.escape("PCA of \(pcaBasis), the basis cflab inspect uses with the same --min-ratings.") + "</p>", "<table>",
                     "<thead><tr>" + columns.map { "<th>\($0)</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for item in extremes {
            let cells = [item.end, item.title, NumberText.fixed(item.first, decimals: 3), NumberText.fixed(item.second, decimals: 3),
                         NumberText.fixed(item.meanRating, decimals: 2), "\(item.count)", item.genres.joined(separator: ", ")]
            lines.append("<tr>" + cells.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>")
        }
        return lines + ["</tbody>", "</table>"]
    }

    private func provenance(_ run: ComparedRun) -> [String] {
        let record = run.record
        let facts: [(String, String)] = [
            ("status", record.status.rawValue), ("sweep", record.sweep.isEmpty ? "-" : record.sweep),
            ("seed", String(record.seed)), ("stream seeds", record.streamSeeds.compact),
            ("data", "\(record.dataSource) \(record.dataName)"), ("data fingerprint", record.dataFingerprint),
            ("split", record.split.compact), ("split fingerprint", record.splitFingerprint),
            ("build id", record.buildId), ("build", record.build.compact),
        ]
        var lines = ["<details id=\"run-\(record.id)\"><summary>run \(record.id): \(HTMLText.escape(record.name)), \(HTMLText.escape(run.modelKind))"
            + " (best valid RMSE \(NumberText.fixed(run.score, decimals: 4)))</summary>", "<table>"]
        lines += facts.map { "<tr><th>\(HTMLText.escape($0.0))</th><td>\(HTMLText.escape($0.1))</td></tr>" }
        lines.append("</table>")
        lines.append("<pre>\(HTMLText.escape(YAMLPrinter.print(record.config)))</pre></details>")
        return lines
    }

    /// `--sweep 'NAME'` or the run ids, when the page does not know its command.
    private var selectionWords: String {
        if report.runs.first?.record.sweep.isEmpty == false { return "--sweep " + Self.shellQuoted(report.name) }
        return report.runs.map { String($0.record.id) }.joined(separator: " ")
    }

    /// The words of a command as a shell line, each quoted when it needs to be.
    static func shellCommand(_ words: [String]) -> String {
        words.map { word in
            word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,@+".contains($0) } && !word.isEmpty ? word : shellQuoted(word)
        }.joined(separator: " ")
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
