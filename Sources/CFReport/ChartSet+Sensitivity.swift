import CFCore

extension ChartSet {
    /// Best valid RMSE against each numeric swept key: one line per model kind, error
    /// bars of one standard deviation over the other keys and seeds (a marginal, pooled
    /// over the other settings, and labelled so), log axis where the sweep was logarithmic.
    static func sensitivity(_ report: ReportData) -> [Chart] {
        var charts: [Chart] = []
        for key in report.sweptKeys where key != "model.kind" {
            let numeric = report.runs.compactMap { $0.parameters[key]?.doubleValue }
            guard Set(numeric).count > 1 else { continue }
            let kinds = Array(Set(report.runs.map(\.modelKind))).sorted()
            var data = ["# one block per model kind: \(key) mean_best_valid_rmse std n"]
            var clauses: [String] = []
            for kind in kinds {
                var byValue: [Double: [Double]] = [:]
                for run in report.runs where run.modelKind == kind {
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
                let colour = palette[clauses.count % palette.count]
                clauses.append("data index \(clauses.count) using 1:2:3 with yerrorlines pointtype 7 linecolor rgb '\(colour)' title columnheader(2)")
            }
            guard !clauses.isEmpty else { continue }
            var body = [
                "set title \(GnuplotText.literal("Best valid RMSE against \(key)"))",
                "set xlabel \(GnuplotText.literal(key))", "set ylabel 'best valid RMSE (marginal: mean ± std over seeds and other settings)'",
                "set grid", "set key top right", "set offsets graph 0.05, graph 0.05, 0, 0",
            ]
            if report.isLogarithmic(key, values: numeric) { body.append("set logscale x") }
            body.append("plot " + clauses.joined(separator: ", \\\n     "))
            charts.append(Chart(
                name: "sensitivity-" + OutputFolder.sanitisedName(key),
                caption: "Marginal effect of \(key): best valid RMSE against it, one line per model kind, pooling every other swept setting; error bars of one standard deviation over seeds and other settings.",
                body: body, data: data.joined(separator: "\n") + "\n"))
        }
        return charts
    }

    /// Learning rate and Adam's beta1 per step (top) beside the batch loss (bottom), best run.
    static func schedule(_ report: ReportData) -> Chart? {
        let run = report.best.record
        var data = ["# step lr beta1 loss"]
        for epoch in report.epochs[run.id] ?? [] {
            guard let trace = epoch.stepTrace, let steps = trace["step"]?.arrayValue else { continue }
            let rates = trace["lr"]?.arrayValue ?? [], betas = trace["beta1"]?.arrayValue ?? [], losses = trace["loss"]?.arrayValue ?? []
            for (index, step) in steps.enumerated() {
                func value(_ column: [JSONValue]) -> String { NumberText.data(index < column.count ? column[index].doubleValue : nil) }
                data.append("\(step.intValue ?? Int64(index)) \(value(rates)) \(value(betas)) \(value(losses))")
            }
        }
        guard data.count > 1 else { return nil }
        let body = [
            "set multiplot layout 2,1 title \(GnuplotText.literal("Schedule of run \(run.id): learning rate and beta1 per step, and the loss"))",
            "set grid", "set ylabel 'learning rate'", "set y2label 'beta1'", "set ytics nomirror", "set y2tics", "set key top right",
            "plot data using 1:2 with lines linecolor rgb '\(palette[0])' title 'learning rate', \\",
            "     data using 1:3 axes x1y2 with lines linecolor rgb '\(palette[1])' title 'beta1'",
            "unset y2label", "unset y2tics", "set ytics mirror", "set xlabel 'step'", "set ylabel 'batch loss'",
            "plot data using 1:4 with lines linecolor rgb '\(palette[2])' title 'loss'",
            "unset multiplot",
        ]
        return Chart(name: "schedule", caption: "Learning rate and beta1 per step beside the batch loss of run \(run.id), so that a one-cycle run can be read.",
                     body: body, data: data.joined(separator: "\n") + "\n", height: 720)
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
            "set xlabel 'epoch'", "set ylabel 'metric'", "set grid", "set key below font ',8' maxrows 8", "set xtics 1",
            "plot for [column = 2:\(keys.count + 1)] data using 1:column with linespoints pointtype 7 title columnheader(column)",
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
        let body = [
            "set title \(GnuplotText.literal("Ranking metrics of run \(run.id), evaluated once on the model it kept"))",
            "set ylabel 'metric'", "set grid ytics", "set key top right", "set style fill solid 0.7 noborder", "set boxwidth 0.35",
            "set yrange [0:*]", "set xrange [-0.6:\(Double(keys.count) - 0.4)]",
            "plot data using ($1 - 0.18):2:xtic(4) with boxes linecolor rgb '\(palette[0])' title 'validation', \\",
            "     data using ($1 + 0.18):3 with boxes linecolor rgb '\(palette[1])' title 'test'",
        ]
        return Chart(name: "ranking", caption: "Top-K ranking metrics of run \(run.id), evaluated once at the end on the model it kept (validation users, and test users when the split has a test part).",
                     body: body, data: data.joined(separator: "\n") + "\n")
    }
}
