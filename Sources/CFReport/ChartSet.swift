import CFCore
import CFStore

/// The charts of a report, built from `ReportData` as gnuplot scripts plus data.
///
/// Per-run charts (curves, schedule, ranking, embeddings) show the best run. A chart
/// whose data the store lacks is skipped, with the reason, rather than drawn empty.
public struct ChartSet: Sendable {
    /// Options of `cflab report`.
    public struct Options: Sendable {
        /// The parameter that colours the overlay (default: `model.kind` when the runs have
        /// several, else one colour per highlighted configuration).
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

    public init(_ report: ReportData, options: Options = Options()) {
        var charts: [Chart] = []
        var skipped: [String] = []
        func add(_ chart: Chart?, _ reason: String) {
            if let chart { charts.append(chart) } else { skipped.append(reason) }
        }
        let colorKey = Self.overlayColorKey(report, colorBy: options.colorBy)
        let palette = ChartPalette(runs: report.runs, keys: colorKey.map { [$0] } ?? [])
        add(Self.curves(report, palette: palette), "training curves: run \(report.best.record.id) has no epochs")
        add(Self.overlay(report, colorKey: colorKey, palette: palette), "overlay: no run has validation RMSE per epoch")
        let sensitivity = Self.sensitivity(report, palette: palette)
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

    /// Train and valid RMSE per epoch of the best run, in its model kind's colour (valid
    /// solid, train dashed), the best epoch marked by a dashed line, a ringed point and a
    /// label inside the plot; the legend sits below the plot, clear of both.
    static func curves(_ report: ReportData, palette: ChartPalette) -> Chart? {
        let run = report.best.record
        guard let epochs = report.epochs[run.id], !epochs.isEmpty else { return nil }
        var data = ["# epoch train_rmse valid_rmse"]
        for epoch in epochs {
            data.append("\(epoch.epoch) \(NumberText.data(epoch.metrics["train_rmse"])) \(NumberText.data(epoch.metrics["valid_rmse"]))")
        }
        let first = epochs.map(\.epoch).min() ?? 1, last = epochs.map(\.epoch).max() ?? 1
        let colour = palette.colour(kind: report.best.modelKind)
        var body = [
            "set title \(GnuplotText.literal("Training curves of run \(run.id) (\(report.best.modelKind))"))",
            "set xlabel 'epoch'", "set ylabel 'RMSE'", "set grid", "set key below horizontal height 1",
            "set xtics \(TickStride.of(count: last, maximum: 20))", "set xrange \(epochRange(first: first, last: last).gnuplot)",
            // Headroom above the curves for the best-epoch label.
            "set offsets 0, 0, graph 0.12, graph 0.04",
        ]
        var best = ""
        if let epoch = run.bestEpoch {
            body.append("set arrow 1 from \(epoch), graph 0 to \(epoch), graph 1 nohead dashtype 2 linecolor rgb '#888888'")
            body.append(bestEpochLabel(epoch, first: first, last: last))
            best = ", \\\n     data using 1:($1 == \(epoch) ? $3 : NaN) with points pointtype 6 pointsize 2.2 linewidth 1.5 linecolor rgb '#000000' title 'best epoch'"
        }
        body.append("plot data using 1:2 with linespoints pointtype 6 dashtype 2 linecolor rgb '\(colour)' title 'train RMSE', \\")
        body.append("     data using 1:3 with linespoints pointtype 7 linewidth 1.5 linecolor rgb '\(colour)' title 'valid RMSE'" + best)
        return Chart(name: "curves", caption: "Train (dashed) and valid (solid) RMSE per epoch of run \(run.id), the best run. The dashed line and the ringed point mark its best epoch.",
                     body: body, data: data.joined(separator: "\n") + "\n")
    }

    /// The x-range of a per-epoch chart: half an epoch beyond the first and the last, so
    /// that neither is drawn on the border.
    static func epochRange(first: Int, last: Int) -> AxisRange {
        AxisRange(low: Double(first) - 0.5, high: Double(last) + 0.5)
    }

    /// The label of the best epoch, near the top of the plot beside its dashed line: to
    /// the right of it in the first half of the epochs, to the left in the second half, so
    /// that the text always lies inside the plot.
    static func bestEpochLabel(_ epoch: Int, first: Int, last: Int) -> String {
        let leftHalf = Double(epoch) < Double(first + last) / 2
        return "set label 1 'best epoch \(epoch)' at \(epoch), graph 0.94 \(leftHalf ? "left offset 0.8,0" : "right offset -0.8,0") front"
    }
}
