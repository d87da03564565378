import CFCore
import CFStore
import CFText
import Foundation

/// Writes a report: every chart's `.gp` and `.dat` (and images when gnuplot is present),
/// `comparison.md`, and `index.html`, all under `<out>/plots/<name>/`, which it replaces
/// whole: a killed report leaves the previous complete report (or the new one), never a mix.
public struct ReportWriter: Sendable {
    /// What was written, for the command to print.
    public struct Outcome: Sendable {
        public var folder: URL
        public var index: URL
        public var charts: [String]
        public var skipped: [String]
        /// False when gnuplot was not found (no images drawn).
        public var drewImages: Bool
        /// Charts gnuplot failed to draw, with its message.
        public var failures: [String]
    }

    public let root: URL
    public let options: ChartSet.Options
    public let gnuplot: Gnuplot?

    /// The words of the command that writes the report, shown on its page as the way to
    /// regenerate it.
    public var command: [String]?

    /// Told before gnuplot draws each chart (`done` charts of `total` drawn so far, and
    /// the name of the next), and once more with `done == total` after the last.
    public var onChart: (@Sendable (_ done: Int, _ total: Int, _ name: String) -> Void)?

    public init(root: URL, options: ChartSet.Options = ChartSet.Options(), gnuplot: Gnuplot? = Gnuplot.find(), command: [String]? = nil) {
        self.command = command
        self.root = root
        self.options = options
        self.gnuplot = gnuplot
    }

    /// Writes the report of `selection` into a sibling folder, then swaps it in whole
    /// for the previous report of the same name (`FolderSwap`).
    public func write(store: RunStore, selection: RunSelection) throws -> Outcome {
        let report = try ReportData(store: store, selection: selection, metrics: options.metrics)
        if let colorBy = options.colorBy { try KeyCheck.requireKnown([colorBy], option: "--color-by", in: report.runs) }
        let target = try OutputFolder(root: root, name: report.name)
        let swap = try FolderSwap(target: target.url)
        do {
            let outcome = try write(report, into: OutputFolder(building: swap.building))
            try swap.commit()
            return Outcome(folder: target.url, index: target.file("index.html"), charts: outcome.charts,
                           skipped: outcome.skipped, drewImages: outcome.drewImages, failures: outcome.failures)
        } catch {
            swap.abandon()
            throw error
        }
    }

    /// Writes every file of `report` into `folder`.
    private func write(_ report: ReportData, into folder: OutputFolder) throws -> Outcome {
        let charts = ChartSet(report, options: options)
        var failures: [String] = []
        for (index, chart) in charts.charts.enumerated() {
            if gnuplot != nil { onChart?(index, charts.charts.count, chart.name) }
            try Data(chart.data.utf8).write(to: folder.file(chart.name + ".dat"), options: .atomic)
            let script = folder.file(chart.name + ".gp")
            try Data(chart.script.utf8).write(to: script, options: .atomic)
            if let gnuplot, let message = gnuplot.run(script: script) {
                failures.append("\(chart.name): \(message)")
            }
            FaultPoint.hit("during-report")
        }
        if gnuplot != nil { onChart?(charts.charts.count, charts.charts.count, "") }
        let markdown = TableRenderer(format: .markdown).render(report.table) + "\n"
        try Data(markdown.utf8).write(to: folder.file("comparison.md"), options: .atomic)
        let embedding = EmbeddingCharts(report: report, options: options)
        let page = ReportPage(report: report, charts: charts, extremes: embedding.extremes(), pcaBasis: embedding.basisText, command: command)
        let index = folder.file("index.html")
        try Data(page.html.utf8).write(to: index, options: .atomic)
        return Outcome(folder: folder.url, index: index, charts: charts.charts.map(\.name), skipped: charts.skipped,
                       drewImages: gnuplot != nil, failures: failures)
    }
}
