import CFCore
import CFText

extension ChartSet {
    /// How many configurations the overlay draws in colour, each with a legend entry.
    static let highlightedCount = 8
    /// Point shapes that tell apart highlighted curves of one colour (with their dashes).
    static let pointTypes = [7, 5, 9, 13, 11, 15, 4, 6]

    /// The key that colours the overlay: `--color-by`, else `model.kind` when the runs
    /// have more than one; nil for one colour per highlighted configuration.
    static func overlayColorKey(_ report: ReportData, colorBy: String?) -> String? {
        colorBy ?? (Set(report.runs.map(\.modelKind)).count > 1 ? "model.kind" : nil)
    }

    /// One configuration's valid RMSE per epoch over its seeds, as the overlay draws it.
    struct OverlayCurve: Sendable {
        /// The legend text: the configuration's settings (short key names) and its run count.
        let label: String
        /// The value of the colour key, which picks the colour (empty without a key).
        let colorValue: String
        /// Epoch, then the mean, min and max over the configuration's runs.
        let points: [(epoch: Int, mean: Double, low: Double, high: Double)]
        /// A run of it was pruned: drawn grey whatever its rank.
        var pruned = false
    }

    /// Valid RMSE per epoch of every configuration, best first. The best
    /// `highlightedCount` are drawn in their colour-key value's colour (or each in its own,
    /// without a key) with a band from min to max over seeds and a legend entry each; the others thin and grey, with one
    /// legend entry for all. The y-range fits the highlighted curves, so the runs that
    /// matter are spread over the plot and a diverging configuration is cut at its top.
    static func overlay(_ report: ReportData, colorKey: String?, palette: ChartPalette) -> Chart? {
        let curves = overlayCurves(report, colorKey: colorKey)
        guard !curves.isEmpty else { return nil }
        let full = curves.filter { !$0.pruned }, prunedCount = curves.count - full.count
        let shown = Array(full.prefix(highlightedCount)), others = Array(full.dropFirst(highlightedCount)) + curves.filter(\.pruned)
        var data = ["# one block per configuration, best first: epoch mean min max of valid_rmse over seeds"]
        for (index, curve) in (shown + others).enumerated() {
            if index > 0 { data += ["", ""] }
            data.append("\"epoch\" \(GnuplotText.dataField(curve.label)) \"min\" \"max\"")
            for point in curve.points {
                data.append("\(point.epoch) \(NumberText.data(point.mean)) \(NumberText.data(point.low)) \(NumberText.data(point.high))")
            }
        }
        var clauses: [String] = []
        for index in others.indices {
            let title = index == 0 ? "title '\(others.count) other configuration\(others.count == 1 ? "" : "s")\(prunedCount > 0 ? " (\(prunedCount) pruned)" : "")'" : "notitle"
            clauses.append("data index \(shown.count + index) using 1:2 with lines linewidth 1 linecolor rgb '\(ChartPalette.muted)' \(title)")
        }
        for (index, curve) in shown.enumerated() {
            let colour = colorKey.map { palette.colour($0, curve.colorValue) } ?? ChartPalette.colours[index % ChartPalette.colours.count]
            let same = colorKey == nil ? 0 : shown[..<index].filter { $0.colorValue == curve.colorValue }.count
            clauses.append("data index \(index) using 1:3:4 with filledcurves fillcolor rgb '\(colour)' fillstyle transparent solid 0.12 noborder notitle")
            clauses.append("data index \(index) using 1:2 with linespoints pointtype \(pointTypes[same % pointTypes.count]) pointsize 0.8 linewidth 1.5 "
                + "linecolor rgb '\(colour)' dashtype \(same + 1) title columnheader(2)")
        }
        let colouring = colorKey.map { "coloured by \($0)" } ?? "one colour per configuration"
        let epochs = curves.flatMap { $0.points.map(\.epoch) }
        let first = epochs.min() ?? 1, last = epochs.max() ?? 1
        var body = [
            "set title \(GnuplotText.literal("Valid RMSE per epoch, \(colouring)" + (others.isEmpty ? "" : " (the \(shown.count) best of \(curves.count) configurations in colour)")))",
            "set xlabel 'epoch'", "set ylabel 'valid RMSE'", "set grid", "set key below font ',9' maxrows \(min(5, shown.count + 1)) height 1",
            "set xtics \(TickStride.of(count: last, maximum: 20))", "set xrange \(epochRange(first: first, last: last).gnuplot)",
        ]
        let range = overlayRange(shown)
        if let range { body.append("set yrange \(range.gnuplot)") }
        body.append("plot " + clauses.joined(separator: ", \\\n     "))
        var caption = others.isEmpty
            ? "Valid RMSE per epoch of every configuration, \(colouring): mean over seeds, with a band from min to max."
            : "Valid RMSE per epoch of the \(shown.count) best of \(curves.count) configurations (by best valid RMSE), \(colouring): "
                + "mean over seeds, with a band from min to max. The other \(others.count) are the thin grey lines"
                + (prunedCount > 0 ? ", the \(prunedCount) that the sweep pruned among them (they stop at their rung)." : ".")
        let cut = shown.contains { curve in curve.points.contains { $0.high > (range?.high ?? .infinity) } }
        if cut || !others.isEmpty {
            caption += " The y-axis fits the \(others.isEmpty ? "curves" : "\(shown.count) in colour") from their second epoch on, so "
                + (others.isEmpty ? "a first epoch above it is cut at the top." : "a grey curve or a first epoch above it is cut at the top.")
        }
        return Chart(name: "overlay", caption: caption, body: body, data: data.joined(separator: "\n") + "\n", width: 1100, height: 620)
    }

    /// The overlay's y-range: the highlighted curves' means and bands from their second
    /// epoch on (the first, often far above the rest, is cut at the top when a curve has
    /// three or more), widened by 5% of their span on each side; nil when they have no
    /// finite value.
    static func overlayRange(_ highlighted: [OverlayCurve]) -> AxisRange? {
        let values = highlighted.flatMap { curve in
            (curve.points.count >= 3 ? curve.points.dropFirst() : curve.points[...]).flatMap { [$0.low, $0.high] }
        }
        return AxisRange(covering: values)?.padded(0.05)
    }

    /// Each configuration with valid RMSE per epoch, best first (`Comparison.sortedGroups`).
    static func overlayCurves(_ report: ReportData, colorKey: String?) -> [OverlayCurve] {
        let keys = Comparison(runs: report.runs).configurationKeys
        let groups = Comparison.sortedGroups(RunGroup.configurations(report.runs, showing: keys))
        let labelKeys = legendKeys(groups, keys: keys, swept: report.sweptKeys)
        var curves: [OverlayCurve] = []
        for group in groups {
            var byEpoch: [Int: [Double]] = [:]
            for run in group.runs {
                for epoch in report.epochs[run.record.id] ?? [] {
                    if let value = epoch.metrics["valid_rmse"], value.isFinite { byEpoch[epoch.epoch, default: []].append(value) }
                }
            }
            guard !byEpoch.isEmpty else { continue }
            let points = byEpoch.keys.sorted().map { epoch in
                let values = byEpoch[epoch] ?? []
                return (epoch, values.reduce(0, +) / Double(values.count), values.min() ?? .nan, values.max() ?? .nan)
            }
            let settings = keys.isEmpty ? "run \(group.runs[0].record.id)" : shortLabel(group, keys: keys, showing: labelKeys)
            curves.append(OverlayCurve(label: "\(curves.count + 1). \(settings) (n = \(group.runs.count))",
                                       colorValue: colorKey.map { ChartPalette.value(of: $0, in: group.runs[0]) } ?? "", points: points,
                                       pruned: group.isPruned))
        }
        return curves
    }

    /// The keys a legend entry names: the swept ones, in the sweep's order, when they tell
    /// every configuration apart; else every key the configurations differ in (which also
    /// holds settings that only follow from the kind, such as `dropout=-`).
    static func legendKeys(_ groups: [RunGroup], keys: [String], swept: [String]) -> [String] {
        let sweptShown = swept.filter { $0 != "seed" && keys.contains($0) }
        guard !sweptShown.isEmpty else { return keys }
        let labels = groups.map { shortLabel($0, keys: keys, showing: sweptShown) }
        return Set(labels).count == labels.count ? sweptShown : keys
    }

    /// `kind=dot, embedding_dim=8`: the group's values of `showing` (a subset of the
    /// group's `keys`), each key by its last part only.
    static func shortLabel(_ group: RunGroup, keys: [String], showing: [String]) -> String {
        showing.compactMap { key in
            keys.firstIndex(of: key).map { "\(key.split(separator: ".").last.map(String.init) ?? key)=\(TableCell(group.values[$0]).text(style: nil))" }
        }.joined(separator: ", ")
    }
}
