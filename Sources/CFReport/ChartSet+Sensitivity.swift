import CFCore

extension ChartSet {
    /// Best valid RMSE against each numeric swept key: one line per model kind, in its
    /// page colour, with error bars of one standard deviation over the runs pooled at each
    /// value: the seeds, and the other swept settings when there are any (a marginal,
    /// labelled so on the axis and in the caption alike). Log axis where the sweep was
    /// logarithmic.
    static func sensitivity(_ report: ReportData, palette: ChartPalette) -> [Chart] {
        var charts: [Chart] = []
        for key in report.sweptKeys where key != "model.kind" {
            let numeric = report.runs.compactMap { $0.parameters[key]?.doubleValue }
            guard Set(numeric).count > 1 else { continue }
            let kinds = Array(Set(report.runs.map(\.modelKind))).sorted()
            var data = ["# one block per model kind: \(key) mean_best_valid_rmse std n"]
            var clauses: [String] = []
            // A sampled range (random, tpe) gives nearly every run its own value: nothing to
            // pool, and a line through them zigzags, so each run is a point instead.
            let scattered = Self.isScattered(report, key: key)
            for kind in kinds {
                var byValue: [Double: [Double]] = [:]
                for run in report.runs where run.modelKind == kind && !run.isPruned {
                    if let value = run.parameters[key]?.doubleValue, let score = run.score { byValue[value, default: []].append(score) }
                }
                guard !byValue.isEmpty else { continue }
                if !clauses.isEmpty { data += ["", ""] }
                data.append("\"x\" \(GnuplotText.dataField(kind.isEmpty ? "runs" : kind)) \"std\" \"n\"")
                for value in byValue.keys.sorted() {
                    let scores = byValue[value] ?? []
                    let mean = scores.reduce(0, +) / Double(scores.count)
                    let deviation = scores.count > 1
                        ? (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(scores.count - 1)).squareRoot() : 0
                    data.append("\(NumberText.data(value)) \(NumberText.data(mean)) \(NumberText.data(deviation)) \(scores.count)")
                }
                clauses.append(scattered
                    ? "data index \(clauses.count) using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '\(palette.colour(kind: kind))' title columnheader(2)"
                    : "data index \(clauses.count) using 1:2:3 with yerrorlines pointtype 7 linewidth 1.5 linecolor rgb '\(palette.colour(kind: kind))' title columnheader(2)")
            }
            guard !clauses.isEmpty else { continue }
            // Pruned runs stopped at a rung: their best comes from fewer epochs, so they are
            // grey points beside the lines, not part of the means.
            let pruned = report.runs.compactMap { run -> (Double, Double)? in
                guard run.isPruned, let value = run.parameters[key]?.doubleValue, let score = run.score else { return nil }
                return (value, score)
            }.sorted { $0 < $1 }
            if !pruned.isEmpty {
                data += ["", "", "# pruned runs: x best_valid_rmse"] + pruned.map { "\(NumberText.data($0.0)) \(NumberText.data($0.1))" }
                clauses.append("data index \(clauses.count) using 1:2 with points pointtype 6 pointsize 1 linecolor rgb '\(ChartPalette.muted)' title 'pruned (best before its rung)'")
            }
            let pooled = sensitivityPooling(report, key: key)
            var body = [
                "set title \(GnuplotText.literal("Best valid RMSE against \(key)"))",
                "set xlabel \(GnuplotText.literal(key))", "set ylabel \(GnuplotText.literal("best valid RMSE, mean ± std over \(pooled)"))",
                "set grid", "set key top right", "set autoscale xfix", "set offsets graph 0.05, graph 0.05, graph 0.05, graph 0.05",
            ]
            if report.isLogarithmic(key, values: numeric) { body.append("set logscale x") }
            if scattered, let range = Self.scatterRange(report.runs.compactMap(\.score)) {
                body.append("set yrange [\(NumberText.data(range.lowerBound)):\(NumberText.data(range.upperBound))]")
            }
            body.append("plot " + clauses.joined(separator: ", \\\n     "))
            let subject = (pooled.contains("other settings") ? "Marginal effect: best" : "Best") + " valid RMSE against \(key)"
            charts.append(Chart(
                name: "sensitivity-" + OutputFolder.sanitisedName(key),
                caption: (scattered
                    ? "\(subject), one point per run (a sampled range gives each run its own value), one colour per model kind; "
                        + "the axis stops above the best quarter of runs, so a few diverging runs do not flatten the rest."
                    : "\(subject), one line per model kind. Each point is the mean over \(pooled), its error bar one standard deviation over \(pooled).")
                    + (pruned.isEmpty ? "" : " The \(pruned.count) pruned run\(pruned.count == 1 ? " is a grey circle" : "s are grey circles") at the best valid RMSE they reached before their rung, left out of the means."),
                body: body, data: data.joined(separator: "\n") + "\n"))
        }
        return charts
    }

    /// Whether `key`'s values were sampled from a range rather than listed: more than 12
    /// distinct values, and fewer than two runs per value on average.
    static func isScattered(_ report: ReportData, key: String) -> Bool {
        let values = report.runs.compactMap { $0.parameters[key]?.doubleValue }
        let distinct = Set(values).count
        return distinct > 12 && values.count < 2 * distinct
    }

    /// The y range of a scatter: from the best score to the 75th percentile plus three
    /// times the spread of the best quarter (never past the worst), padded by 5%.
    static func scatterRange(_ scores: [Double]) -> ClosedRange<Double>? {
        let sorted = scores.filter(\.isFinite).sorted()
        guard let low = sorted.first, let high = sorted.last, high > low else { return nil }
        let quartile = sorted[sorted.count / 4]
        let top = min(high, sorted[(3 * sorted.count) / 4] + 3 * (quartile - low))
        let pad = (top - low) * 0.05
        return (low - pad)...(top + pad)
    }

    /// What a sensitivity point pools: `seeds` when the runs have several, `other
    /// settings` when they also differ in a swept key besides `key` and the model kind,
    /// both joined by "and"; `runs` when neither (one run per point).
    static func sensitivityPooling(_ report: ReportData, key: String) -> String {
        let others = report.sweptKeys.filter { $0 != key && $0 != "model.kind" && $0 != "seed" }
        let varied = others.contains { other in Set(report.runs.map { ConfigParameters.display($0.parameters[other]) }).count > 1 }
        let parts = (Set(report.runs.map(\.record.seed)).count > 1 ? ["seeds"] : []) + (varied ? ["other settings"] : [])
        return parts.isEmpty ? "runs" : parts.joined(separator: " and ")
    }

    /// Learning rate (top), Adam's beta1 (middle) and the batch loss (bottom) per step of
    /// the best run, on one shared step axis. A constant series is a flat line mid-panel
    /// with a single tick at its value.
    static func schedule(_ report: ReportData) -> Chart? {
        let run = report.best.record
        var data = ["# step lr beta1 loss"]
        var columns: [[Double]] = [[], [], []]
        var lastStep: Int64 = 0
        for epoch in report.epochs[run.id] ?? [] {
            guard let trace = epoch.stepTrace, let steps = trace["step"]?.arrayValue else { continue }
            let traced = [trace["lr"]?.arrayValue ?? [], trace["beta1"]?.arrayValue ?? [], trace["loss"]?.arrayValue ?? []]
            for (index, step) in steps.enumerated() {
                let values = traced.map { index < $0.count ? $0[index].doubleValue : nil }
                for (column, value) in values.enumerated() { if let value { columns[column].append(value) } }
                lastStep = max(lastStep, step.intValue ?? Int64(index))
                data.append("\(step.intValue ?? Int64(index)) " + values.map(NumberText.data).joined(separator: " "))
            }
        }
        guard data.count > 1 else { return nil }
        var body = [
            "set multiplot layout 3,1 title \(GnuplotText.literal("Schedule of run \(run.id): learning rate, beta1 and batch loss per step"))",
            "set grid", "set lmargin 12", "set rmargin 4", "unset key", "set xrange [0:\(max(1, lastStep))]",
        ]
        let panels = [("learning rate", ChartPalette.ink.main), ("beta1", ChartPalette.ink.second), ("batch loss", ChartPalette.ink.main)]
        for (column, (label, colour)) in panels.enumerated() {
            if column == 2 { body.append("set xlabel 'step'") }
            body.append("set ylabel '\(label)'")
            body += scheduleAxis(AxisRange(covering: columns[column]))
            body.append("plot data using 1:\(column + 2) with lines linewidth 1.5 linecolor rgb '\(colour)'")
        }
        body.append("unset multiplot")
        return Chart(name: "schedule", caption: "Learning rate, beta1 and batch loss per step of run \(run.id), so that a one-cycle run can be read.",
                     body: body, data: data.joined(separator: "\n") + "\n", height: 760)
    }

    /// The y-axis of one schedule panel: a constant gets a range around it and one tick
    /// at its value; a varying series autoscales, its ticks with three significant digits.
    static func scheduleAxis(_ range: AxisRange?) -> [String] {
        guard let range, range.isPoint else { return ["set autoscale y", "set ytics autofreq", "set format y '%.3g'"] }
        return ["set yrange \(range.padded(0.1).gnuplot)", "set ytics (\(NumberText.data(range.low)))", "set format y '%.6g'"]
    }

    /// Ranking metrics (`ndcg@10`, `precision@10`...) per epoch of the best run.
    static func ranking(_ report: ReportData) -> Chart? {
        let run = report.best.record
        let epochs = report.epochs[run.id] ?? []
        let keys = MetricColumn.ordered(Set(epochs.flatMap { $0.metrics.keys.filter(MetricColumn.isRanking) }))
        guard !keys.isEmpty else { return rankingOnce(report) }
        var data = ["\"epoch\" " + keys.map(GnuplotText.dataField).joined(separator: " ")]
        for epoch in epochs {
            data.append("\(epoch.epoch) " + keys.map { NumberText.data(epoch.metrics[$0]) }.joined(separator: " "))
        }
        let body = [
            "set title \(GnuplotText.literal("Ranking metrics per epoch of run \(run.id)"))",
            "set xlabel 'epoch'", "set ylabel 'metric'", "set grid", "set key below font ',9' maxrows 4 height 1",
            "set xtics \(TickStride.of(count: epochs.count, maximum: 20))",
            "set xrange \(epochRange(first: epochs.map(\.epoch).min() ?? 1, last: epochs.map(\.epoch).max() ?? 1).gnuplot)",
            // Metrics are no model kind: greys, told apart by dash and point.
            "plot for [column = 2:\(keys.count + 1)] data using 1:column with linespoints linewidth 1.5 "
                + "linecolor rgb '\(ChartPalette.ink.main)' dashtype column-1 pointtype (column + 2) title columnheader(column)",
        ]
        return Chart(name: "ranking", caption: "Top-K ranking metrics per epoch of run \(run.id) on the validation users.",
                     body: body, data: data.joined(separator: "\n") + "\n")
    }

    /// Ranking metrics evaluated once, at the end (`evaluation.ranking.every: end`): they
    /// live in the run's best metrics, drawn as one bar each (validation beside test).
    static func rankingOnce(_ report: ReportData) -> Chart? {
        let run = report.best.record
        let keys = MetricColumn.ordered(Set(run.bestMetrics.keys.filter { MetricColumn.isRanking($0) && !$0.hasPrefix("coverage@") }))
        guard !keys.isEmpty else { return nil }
        var data = ["\"metric\" \"validation\" \"test\""]
        for (index, key) in keys.enumerated() {
            data.append("\(index) \(NumberText.data(run.bestMetrics[key])) \(NumberText.data(run.testMetrics?[key])) \(GnuplotText.dataField(key))")
        }
        var body = [
            "set title \(GnuplotText.literal("Ranking metrics of run \(run.id), evaluated once on the model it kept"))",
            "set ylabel 'metric'", "set grid ytics", "set key top right", "set style fill solid 0.7 noborder", "set boxwidth 0.35",
            "set yrange [0:*]", "set xrange [-0.6:\(Double(keys.count) - 0.4)]",
        ]
        // Test bars only when the split has a test part.
        let hasTest = keys.contains { run.testMetrics?[$0] != nil }
        body.append("plot data using ($1 - \(hasTest ? "0.18" : "0")):2:xtic(4) with boxes linecolor rgb '\(ChartPalette.ink.main)' title 'validation'"
            + (hasTest ? ", \\\n     data using ($1 + 0.18):3 with boxes linecolor rgb '\(ChartPalette.ink.second)' title 'test'" : ""))
        return Chart(name: "ranking", caption: "Top-K ranking metrics of run \(run.id), evaluated once at the end on the model it kept (validation users, and test users when the split has a test part).",
                     body: body, data: data.joined(separator: "\n") + "\n")
    }
}
