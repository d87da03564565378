import CFText

extension Inspection {
    /// The bias rankings, the component's extremes and the variance explained, as tables.
    public var output: AnalysisOutput {
        var tables: [AnalysisTable] = []
        var notes: [String] = []
        let scope = "items with at least \(minimumRatings) training ratings"
        if let highestBias, let lowestBias {
            tables.append(biasTable(highestBias, title: "Highest item bias (\(scope)), run \(run.runId)", key: "highest_bias"))
            tables.append(biasTable(lowestBias, title: "Lowest item bias (\(scope))", key: "lowest_bias"))
        } else {
            notes.append("Run \(run.runId) (\(run.kind)) has no item_bias: no bias ranking.")
        }
        if let pca {
            let name = "PC\(component + 1)"
            tables.append(componentTable(highest: false, title: "Lowest on \(name) (\(pcaItems.count) \(scope))", key: "lowest_on_component"))
            tables.append(componentTable(highest: true, title: "Highest on \(name)", key: "highest_on_component"))
            var cumulative = 0.0
            tables.append(AnalysisTable(
                title: "Variance explained by each principal component of the item embeddings",
                key: "variance_explained",
                columns: [.named("component"), .named("explained"), .named("cumulative")],
                rows: pca.explainedVarianceRatio.enumerated().map { index, ratio in
                    cumulative += ratio
                    return [.text("PC\(index + 1)"), .number(ratio, decimals: 4), .number(cumulative, decimals: 4)]
                }
            ))
        } else {
            notes.append("Run \(run.runId) (\(run.kind)) has no item_embedding: no principal components.")
        }
        return AnalysisOutput(tables: tables, notes: notes)
    }

    private func biasTable(_ ranked: [Ranked], title: String, key: String) -> AnalysisTable {
        let columns = ItemColumns(metadata: run.metadata)
        return AnalysisTable(
            title: title, key: key,
            columns: [.named("rank")] + ItemColumns.leadingColumns + [.named("bias")] + ItemColumns.statisticsColumns,
            rows: ranked.enumerated().map { rank, entry in
                [.integer(rank + 1)] + columns.leading(entry.item) + [.number(float: Float(entry.value), decimals: 4)] + columns.statistics(entry.item)
            }
        )
    }

    /// The chosen component first, then PC1 and PC2 when they are other components.
    private var shownComponents: [Int] {
        [component] + [0, 1].filter { $0 != component && $0 < (pca?.components.count ?? 0) }
    }

    private func componentTable(highest: Bool, title: String, key: String) -> AnalysisTable {
        let columns = ItemColumns(metadata: run.metadata)
        let shown = shownComponents
        return AnalysisTable(
            title: title, key: key,
            columns: [.named("rank")] + ItemColumns.leadingColumns + shown.map { .named("PC\($0 + 1)") }
                + [ItemColumns.statisticsColumns[0], ItemColumns.genresColumn, ItemColumns.statisticsColumns[1]],
            rows: componentExtremes(highest: highest).enumerated().map { rank, entry in
                let scores: [TableCell] = shown.map { .number(float: pca?.score(row: entry.row, component: $0) ?? 0, decimals: 4) }
                let statistics = columns.statistics(entry.item)
                return [.integer(rank + 1)] + columns.leading(entry.item) + scores + [statistics[0], columns.genres(entry.item), statistics[1]]
            }
        )
    }
}
