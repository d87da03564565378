import CFCore
import CFStore

/// The charts of a report, built from `ReportData` as gnuplot scripts plus data.
///
/// Per-run charts (curves, schedule, ranking, embeddings) show the best run. A chart
/// whose data the store lacks is skipped, with the reason, rather than drawn empty.
public struct ChartSet: Sendable {
    /// Options of `cflab report`.
    public struct Options: Sendable {
        /// The parameter that colours the overlay (default: the first swept key).
        public var colorBy: String?
        /// Items need at least this many training ratings to enter the bias chart and PC1 extremes.
        public var minRatings: Int = 20
        /// How many of the most-rated items the PCA scatter labels.
        public var labelled: Int = 15

        /// The comparison table's metric columns (`--metrics`), nil for all.
        public var metrics: [String]?

        public init(colorBy: String? = nil, minRatings: Int = 20, labelled: Int = 15, metrics: [String]? = nil) {
            self.metrics = metrics
            self.colorBy = colorBy
            self.minRatings = minRatings
            self.labelled = labelled
        }
    }

    public let charts: [Chart]
    /// Charts that could not be drawn, each with the reason.
    public let skipped: [String]

    static let palette = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"]

    public init(_ report: ReportData, options: Options = Options()) {
        var charts: [Chart] = []
        var skipped: [String] = []
        func add(_ chart: Chart?, _ reason: String) {
            if let chart { charts.append(chart) } else { skipped.append(reason) }
        }
        add(Self.curves(report), "training curves: run \(report.best.record.id) has no epochs")
        add(Self.overlay(report, colorBy: options.colorBy), "overlay: no run has validation RMSE per epoch")
        let sensitivity = Self.sensitivity(report)
        charts += sensitivity
        if sensitivity.isEmpty { skipped.append("sensitivity: the selection sweeps no numeric parameter") }
        let embeddings = EmbeddingCharts(report: report, options: options)
        add(embeddings.scree(), "PCA: run \(report.best.record.id) kept no item embedding with 2 or more dimensions")
        add(embeddings.scatter(), "PCA scatter: run \(report.best.record.id) kept no item embedding with 2 or more dimensions")
        add(embeddings.heatmap(), "heatmap: run \(report.best.record.id) kept no item embedding")
        add(embeddings.biases(), "item biases: run \(report.best.record.id) has no item_bias, or no item has \(options.minRatings) ratings")
        add(Self.schedule(report), "learning rate and beta1: run \(report.best.record.id) stored no step trace")
        add(Self.ranking(report), "ranking metrics: run \(report.best.record.id) has none (evaluation.ranking.every: never, or no relevant held-out rating)")
        self.charts = charts
        self.skipped = skipped
    }

    /// Train and valid RMSE per epoch of the best run, best epoch marked.
    static func curves(_ report: ReportData) -> Chart? {
        let run = report.best.record
        guard let epochs = report.epochs[run.id], !epochs.isEmpty else { return nil }
        var data = ["# epoch train_rmse valid_rmse"]
        for epoch in epochs {
            data.append("\(epoch.epoch) \(NumberText.data(epoch.metrics["train_rmse"])) \(NumberText.data(epoch.metrics["valid_rmse"]))")
        }
        var body = [
            "set title \(GnuplotText.literal("Training curves of run \(run.id) (\(report.best.modelKind))"))",
            "set xlabel 'epoch'", "set ylabel 'RMSE'", "set grid", "set key top right", "set xtics 1",
        ]
        if let best = run.bestEpoch {
            body.append("set arrow 1 from \(best), graph 0 to \(best), graph 1 nohead dashtype 2 linecolor rgb '#888888'")
            body.append("set label 1 'best epoch \(best)' at \(best), graph 0.95 left offset 0.5,0")
        }
        body.append("plot data using 1:2 with linespoints pointtype 7 linecolor rgb '\(palette[1])' title 'train RMSE', \\")
        body.append("     data using 1:3 with linespoints pointtype 7 linecolor rgb '\(palette[0])' title 'valid RMSE'")
        return Chart(name: "curves", caption: "Train and valid RMSE per epoch of run \(run.id), the best run; the dashed line marks its best epoch.",
                     body: body, data: data.joined(separator: "\n") + "\n")
    }

    /// Valid RMSE per epoch of every configuration: mean line and min-max band over seeds.
    static func overlay(_ report: ReportData, colorBy: String?) -> Chart? {
        let keys = Comparison(runs: report.runs).configurationKeys
        let colorKey = colorBy ?? report.sweptKeys.first { $0 != "seed" && keys.contains($0) } ?? keys.first ?? "model.kind"
        let groups = Comparison.sortedGroups(RunGroup.configurations(report.runs, showing: keys))
        var colorValues: [String] = []
        var data = ["# one block per configuration: epoch mean min max of valid_rmse over seeds"]
        var clauses: [String] = []
        for (index, group) in groups.enumerated() {
            var byEpoch: [Int: [Double]] = [:]
            for run in group.runs {
                for epoch in report.epochs[run.record.id] ?? [] {
                    if let value = epoch.metrics["valid_rmse"], value.isFinite { byEpoch[epoch.epoch, default: []].append(value) }
                }
            }
            guard !byEpoch.isEmpty else { continue }
            let label = keys.isEmpty ? "run \(group.runs[0].record.id)" : group.label(keys: keys)
            data.append(contentsOf: ["", ""].prefix(clauses.isEmpty ? 0 : 2))
            data.append("\"epoch\" \(GnuplotText.dataField(label + " (n = \(group.runs.count))")) \"min\" \"max\"")
            for epoch in byEpoch.keys.sorted() {
                let values = byEpoch[epoch] ?? []
                let mean = values.reduce(0, +) / Double(values.count)
                data.append("\(epoch) \(NumberText.data(mean)) \(NumberText.data(values.min())) \(NumberText.data(values.max()))")
            }
            let value = ConfigParameters.display(group.runs[0].parameters[colorKey])
            if !colorValues.contains(value) { colorValues.append(value) }
            let colour = palette[(colorValues.firstIndex(of: value) ?? 0) % palette.count]
            let dash = groups[..<index].filter { ConfigParameters.display($0.runs[0].parameters[colorKey]) == value }.count + 1
            let block = clauses.count / 2
            clauses.append("data index \(block) using 1:3:4 with filledcurves fillcolor rgb '\(colour)' fillstyle transparent solid 0.15 noborder notitle")
            clauses.append("data index \(block) using 1:2 with linespoints pointtype 7 pointsize 0.6 linecolor rgb '\(colour)' dashtype \(dash) title columnheader(2)")
        }
        guard !clauses.isEmpty else { return nil }
        let body = [
            "set title \(GnuplotText.literal("Valid RMSE per epoch, coloured by \(colorKey)"))",
            "set xlabel 'epoch'", "set ylabel 'valid RMSE'", "set grid", "set key below font ',8' maxrows 8", "set xtics 1",
            "plot " + clauses.joined(separator: ", \\\n     "),
        ]
        return Chart(name: "overlay", caption: "Valid RMSE per epoch of every configuration, coloured by \(colorKey): mean over seeds, with a band from min to max.",
                     body: body, data: data.joined(separator: "\n") + "\n", width: 1100)
    }
}
