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
            "set style fill solid 0.6 noborder", "set boxwidth 0.7", "set key top left",
            "plot data using 1:2 with boxes linecolor rgb '\(ChartSet.palette[0])' title 'per component', \\",
            "     data using 1:3 with linespoints pointtype 7 linecolor rgb '\(ChartSet.palette[1])' title 'cumulative'",
        ]
        return Chart(name: "pca-scree", caption: "Scree plot: the share of variance each principal component explains, PCA of run \(runId)'s embeddings of \(basisText) (as cflab inspect --min-ratings \(options.minRatings)).",
                     body: body, data: data.joined(separator: "\n") + "\n")
    }

    func scatter() -> Chart? {
        guard let pca, pca.components.count >= 2 else { return nil }
        let items = basisItems
        let rowOf = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1, $0) })
        var data = ["# block 0: every basis item (pc1 pc2); block 1: the most-rated items (pc1 pc2 title)"]
        for row in pca.scores.indices { data.append("\(NumberText.data(Double(pca.scores[row][0]))) \(NumberText.data(Double(pca.scores[row][1])))") }
        data += ["", ""]
        for item in itemsByCount.prefix(options.labelled) {
            guard let row = rowOf[item] else { continue }
            data.append("\(NumberText.data(Double(pca.scores[row][0]))) \(NumberText.data(Double(pca.scores[row][1]))) \(GnuplotText.dataField(title(item)))")
        }
        let ratios = pca.explainedVarianceRatio.map { NumberText.fixed($0 * 100, decimals: 1) }
        let body = [
            "set title \(GnuplotText.literal("Item embeddings of run \(runId) on the first two principal components"))",
            "set xlabel 'PC1 (\(ratios[0])% of variance)'", "set ylabel 'PC2 (\(ratios[1])% of variance)'", "set grid", "set key top right",
            "plot data index 0 using 1:2 with points pointtype 7 pointsize 0.4 linecolor rgb '#bbbbbb' title 'items', \\",
            "     data index 1 using 1:2 with points pointtype 7 pointsize 0.8 linecolor rgb '\(ChartSet.palette[1])' title 'most rated', \\",
            "     data index 1 using 1:2:3 with labels left offset 0.6,0.3 font ',8' notitle",
        ]
        return Chart(name: "pca", caption: "PC1 against PC2 of run \(runId)'s embeddings of \(basisText) (the basis of cflab inspect --min-ratings \(options.minRatings)), labelled with the \(options.labelled) most-rated titles; each component's largest loading is positive.",
                     body: body, data: data.joined(separator: "\n") + "\n", width: 1000, height: 760)
    }

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
            "set xlabel 'dimension'", "unset key", "set xtics 1", "set tics out", "set ytics font ',8'",
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
                + "with boxxyerror linecolor rgb '\(ChartSet.palette[0])'",
        ]
        return Chart(name: "item-bias", caption: "The 10 highest and 10 lowest item biases of run \(runId), among items with at least \(options.minRatings) training ratings.",
                     body: body, data: data.joined(separator: "\n") + "\n", width: 1000, height: 640)
    }
}
