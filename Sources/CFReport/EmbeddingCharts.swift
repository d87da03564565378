import CFLinalg
import CFStore

/// The charts of the best run's item tables: PCA scree and scatter, heatmap, item biases.
struct EmbeddingCharts: Sendable {
    let report: ReportData
    let options: ChartSet.Options

    /// The item embedding (items × dimensions), when the run kept one with 2+ dimensions.
    var embedding: (values: [Float], rows: Int, columns: Int)? {
        guard let tensor = report.model?.tensor(named: "item_embedding"), tensor.shape.count == 2,
              tensor.shape[0] >= 2, tensor.shape[1] >= 1 else { return nil }
        return (tensor.values, tensor.shape[0], tensor.shape[1])
    }

    /// The items of the PCA basis: trained items with at least `options.minRatings`
    /// training ratings, as `cflab inspect --min-ratings` uses (`DataMetadata.analysedItems`).
    var basisItems: [Int] {
        guard let embedding, let metadata = report.model?.metadata else { return [] }
        return metadata.analysedItems(minimumRatings: options.minRatings).filter { $0 < embedding.rows }
    }

    /// The PCA of the basis items' embeddings; `scores[row]` belongs to `basisItems[row]`.
    var pca: PCA? {
        guard let embedding, embedding.columns >= 2 else { return nil }
        let items = basisItems
        guard items.count >= 2 else { return nil }
        var matrix: [Float] = []
        matrix.reserveCapacity(items.count * embedding.columns)
        for item in items { matrix += embedding.values[(item * embedding.columns)..<((item + 1) * embedding.columns)] }
        return try? PCA.fit(matrix: matrix, rows: items.count, columns: embedding.columns)
    }

    /// "the 1,234 items with at least 20 training ratings", for titles and captions.
    var basisText: String {
        "the \(basisItems.count) items with at least \(max(1, options.minRatings)) training rating\(max(1, options.minRatings) == 1 ? "" : "s")"
    }

    /// Item indexes by training count, most rated first (ties by dense id).
    var itemsByCount: [Int] {
        guard let counts = report.model?.metadata.itemCounts else { return [] }
        return counts.indices.sorted { (counts[$0], -$0) > (counts[$1], -$1) }
    }

    func title(_ item: Int) -> String {
        guard let info = report.model?.metadata.itemInfo, item < info.count, !info[item].title.isEmpty else { return "item \(item)" }
        return info[item].title
    }

    /// A title short enough for a tick label (at most 40 characters).
    func label(_ item: Int) -> String {
        let text = title(item)
        return text.count <= 40 ? text : String(text.prefix(39)) + "…"
    }

    var runId: Int64 { report.best.record.id }

    func scree() -> Chart? {
        guard let pca else { return nil }
        var data = ["# component explained_variance_ratio cumulative"]
        var total = 0.0
        for (index, ratio) in pca.explainedVarianceRatio.enumerated() {
            total += ratio
            data.append("\(index + 1) \(NumberText.data(ratio)) \(NumberText.data(total))")
        }
        let body = [
            "set title \(GnuplotText.literal("Variance explained per principal component, item embeddings of run \(runId)"))",
            "set xlabel 'component'", "set ylabel 'share of variance'", "set grid", "set yrange [0:1.05]",
            "set xrange [0.5:\(Double(pca.explainedVarianceRatio.count) + 0.5)]",
            "set style fill solid 0.6 noborder", "set boxwidth 0.7", "set key top left",
            "plot data using 1:2 with boxes linecolor rgb '\(ChartPalette.ink.second)' title 'per component', \\",
            "     data using 1:3 with linespoints pointtype 7 linecolor rgb '\(ChartPalette.ink.main)' title 'cumulative'",
        ]
        return Chart(name: "pca-scree", caption: "Scree plot: the share of variance each principal component explains, PCA of run \(runId)'s embeddings of \(basisText) (as cflab inspect --min-ratings \(options.minRatings)).",
                     body: body, data: data.joined(separator: "\n") + "\n")
    }

    /// The scatter's plot area, fixed in screen fractions so that label placement knows
    /// where each point lands: left, right, bottom, top of a 1000 × 760 image.
    static let scatterArea = (left: 0.08, right: 0.97, bottom: 0.09, top: 0.93, width: 1000.0, height: 760.0)

    /// PC1 against PC2 of the basis items, the most-rated ringed and labelled where a
    /// label fits (`LabelPlacement`): never over another label, a labelled point or the
    /// legend, never past the plot's edge.
    func scatter() -> Chart? {
        guard let pca, pca.components.count >= 2 else { return nil }
        let items = basisItems
        let rowOf = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1, $0) })
        var data = ["# block 0: every basis item (pc1 pc2); block 1: the most-rated items (pc1 pc2 title);"
                    + " then the labels placed, one block per alignment (x y title)"]
        for row in pca.scores.indices { data.append("\(NumberText.data(Double(pca.scores[row][0]))) \(NumberText.data(Double(pca.scores[row][1])))") }
        let labelled = itemsByCount.prefix(options.labelled).compactMap { item in rowOf[item].map { (item: item, row: $0) } }
        data += ["", ""]
        for (item, row) in labelled {
            data.append("\(NumberText.data(Double(pca.scores[row][0]))) \(NumberText.data(Double(pca.scores[row][1]))) \(GnuplotText.dataField(title(item)))")
        }
        let xRange = AxisRange(covering: pca.scores.map { Double($0[0]) })?.padded(0.04) ?? AxisRange(low: -1, high: 1)
        let yRange = AxisRange(covering: pca.scores.map { Double($0[1]) })?.padded(0.04) ?? AxisRange(low: -1, high: 1)
        let area = Self.scatterArea
        let width = (area.right - area.left) * area.width, height = (area.top - area.bottom) * area.height
        var placement = LabelPlacement(width: width, height: height)
        // The legend's two lines in the top right corner.
        placement.reserved = [LabelPlacement.Box(left: width - 150, bottom: height - 42, right: width, top: height)]
        let points = labelled.map { item, row in
            (x: (Double(pca.scores[row][0]) - xRange.low) / (xRange.high - xRange.low) * width,
             y: (Double(pca.scores[row][1]) - yRange.low) / (yRange.high - yRange.low) * height)
        }
        let placed = placement.place(points: points, texts: labelled.map { label($0.item) })
        var clauses = [
            "data index 0 using 1:2 with points pointtype 7 pointsize 0.4 linecolor rgb '#bbbbbb' title 'items'",
            "data index 1 using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '\(ChartPalette.ink.main)' title 'most rated'",
        ]
        for alignment in LabelPlacement.Alignment.allCases {
            let labels = placed.filter { $0.alignment == alignment }
            guard !labels.isEmpty else { continue }
            data += ["", ""]
            for label in labels {
                let x = xRange.low + label.x / width * (xRange.high - xRange.low), y = yRange.low + label.y / height * (yRange.high - yRange.low)
                data.append("\(NumberText.data(x)) \(NumberText.data(y)) \(GnuplotText.dataField(self.label(labelled[label.index].item)))")
            }
            clauses.append("data index \(clauses.count) using 1:2:3 with labels \(alignment.rawValue) font ',8' notitle")
        }
        let ratios = pca.explainedVarianceRatio.map { NumberText.fixed($0 * 100, decimals: 1) }
        let body = [
            "set title \(GnuplotText.literal("Item embeddings of run \(runId) on the first two principal components"))",
            "set xlabel 'PC1 (\(ratios[0])% of variance)'", "set ylabel 'PC2 (\(ratios[1])% of variance)'", "set grid", "set key top right",
            "set lmargin at screen \(area.left)", "set rmargin at screen \(area.right)", "set bmargin at screen \(area.bottom)", "set tmargin at screen \(area.top)",
            "set xrange \(xRange.gnuplot)", "set yrange \(yRange.gnuplot)",
            "plot " + clauses.joined(separator: ", \\\n     "),
        ]
        let unplaced = labelled.count - placed.count
        let labels = unplaced == 0 ? "labelled with the \(labelled.count) most-rated titles"
            : "with the \(labelled.count) most-rated items marked and \(placed.count) of them labelled (\(unplaced) label\(unplaced == 1 ? "" : "s") would have overlapped)"
        return Chart(name: "pca", caption: "PC1 against PC2 of run \(runId)'s embeddings of \(basisText) (the basis of cflab inspect --min-ratings \(options.minRatings)), \(labels). Each component's largest loading is positive.",
                     body: body, data: data.joined(separator: "\n") + "\n", width: Int(area.width), height: Int(area.height))
    }

    /// The embedding values of the 20 most-rated items, one row each; a tick every few
    /// dimensions (`TickStride`) so that 64 of them stay legible.
    func heatmap() -> Chart? {
        guard let embedding else { return nil }
        let items = Array(itemsByCount.prefix(20))
        guard !items.isEmpty else { return nil }
        var data = ["# dimension row value title (rows: the 20 most-rated items, most rated on top)"]
        for (row, item) in items.enumerated() {
            for dimension in 0..<embedding.columns {
                let value = Double(embedding.values[item * embedding.columns + dimension])
                data.append("\(dimension) \(items.count - 1 - row) \(NumberText.data(value)) \(GnuplotText.dataField(label(item)))")
            }
            data.append("")
        }
        let body = [
            "set title \(GnuplotText.literal("Item embeddings of the 20 most-rated items, run \(runId)"))",
            "set xlabel 'dimension'", "unset key", "set tics out", "set ytics font ',8'",
            "set xtics \(TickStride.of(count: embedding.columns, maximum: 16))", "set xrange [-0.5:\(Double(embedding.columns) - 0.5)]",
            "set palette defined (-1 '#2166ac', 0 '#f7f7f7', 1 '#b2182b')",
            "stats data using 3 nooutput", "limit = (abs(STATS_min) > abs(STATS_max) ? abs(STATS_min) : abs(STATS_max))",
            "set cbrange [-limit:limit]", "set lmargin 32",
            "plot data using 1:2:3:ytic(4) with image",
        ]
        return Chart(name: "heatmap", caption: "The embedding values of the 20 most-rated items of run \(runId), one row per item.",
                     body: body, data: data.joined(separator: "\n") + "\n", width: 1000, height: 640)
    }

    func biases() -> Chart? {
        guard let tensor = report.model?.tensor(named: "item_bias"), let metadata = report.model?.metadata else { return nil }
        let eligible = tensor.values.indices.filter { $0 < metadata.itemCounts.count && Int(metadata.itemCounts[$0]) >= options.minRatings }
        guard !eligible.isEmpty else { return nil }
        let ranked = eligible.sorted { (tensor.values[$0], -$0) > (tensor.values[$1], -$1) }
        let top = Array(ranked.prefix(10)), bottom = Array(ranked.suffix(10)).filter { !top.contains($0) }
        let shown = (top + bottom).sorted { (tensor.values[$0], -$0) < (tensor.values[$1], -$1) }
        var data = ["# row bias title (the \(top.count) highest and \(bottom.count) lowest biases, items with >= \(options.minRatings) ratings)"]
        for (row, item) in shown.enumerated() {
            data.append("\(row) \(NumberText.data(Double(tensor.values[item]))) \(GnuplotText.dataField(label(item)))")
        }
        let body = [
            "set title \(GnuplotText.literal("Highest and lowest item biases of run \(runId) (items with at least \(options.minRatings) ratings)"))",
            "set xlabel 'item bias'", "unset key", "set grid x", "set ytics font ',8'", "set lmargin 32",
            "set style fill solid 0.7 noborder", "set yrange [-0.6:\(shown.count) - 0.4]",
            "plot data using ($2 / 2):1:(0 < $2 ? 0 : $2):(0 < $2 ? $2 : 0):($1 - 0.4):($1 + 0.4):ytic(3) "
                + "with boxxyerror linecolor rgb '\(ChartPalette.ink.main)'",
        ]
        return Chart(name: "item-bias", caption: "The 10 highest and 10 lowest item biases of run \(runId), among items with at least \(options.minRatings) training ratings.",
                     body: body, data: data.joined(separator: "\n") + "\n", width: 1000, height: 640)
    }
}
