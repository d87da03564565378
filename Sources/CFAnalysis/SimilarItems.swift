import CFText

/// The items whose embeddings point the same way as one item's: cosine similarity of
/// rows of `item_embedding`, over items with at least `minimumRatings` training ratings.
public struct SimilarItems {
    public let run: AnalyzedRun
    public let item: Int32
    public let neighbors: [Neighbors.Neighbor]

    public init(run: AnalyzedRun, item: Int32, count: Int, minimumRatings: Int) throws {
        let table = try run.table("item_embedding", for: "item similarity")
        let columns = ItemColumns(metadata: run.metadata)
        self.run = run
        self.item = item
        neighbors = Neighbors.nearest(to: Int(item), in: table, count: count) { columns.isEligible($0, minimum: minimumRatings) }
        if neighbors.isEmpty && count > 0 { throw AnalysisError.nothingLeft(what: "other item", minimumRatings: minimumRatings) }
    }

    /// The neighbours as a table, with the query item in the title.
    public var output: AnalysisOutput {
        let columns = ItemColumns(metadata: run.metadata)
        let title = run.metadata.itemInfo[Int(item)].title
        let table = AnalysisTable(
            title: "Items most similar to \(title) (id \(run.metadata.items.raw(item))), run \(run.runId)",
            key: "similar_items",
            columns: [.named("rank")] + ItemColumns.leadingColumns + [.named("similarity")] + ItemColumns.statisticsColumns,
            rows: neighbors.enumerated().map { rank, neighbor in
                [.integer(rank + 1)] + columns.leading(neighbor.id) + [.number(neighbor.similarity, decimals: 4)]
                    + columns.statistics(neighbor.id)
            }
        )
        return AnalysisOutput(tables: [table])
    }
}
