import CFCore

/// The rows of an embedding table nearest to one row by cosine similarity.
public enum Neighbors {
    /// One neighbour: its dense id and cosine similarity.
    public struct Neighbor: Equatable, Sendable {
        public var id: Int32
        public var similarity: Double

        public init(id: Int32, similarity: Double) {
            self.id = id
            self.similarity = similarity
        }
    }

    /// The `count` rows most similar to `row` among those `isEligible` accepts (never
    /// `row` itself), most similar first; equal similarities go to the lower id.
    public static func nearest(
        to row: Int, in table: EmbeddingTable, count: Int, isEligible: (Int) -> Bool
    ) -> [Neighbor] {
        let norms = table.norms
        var selector = TopKSelector(capacity: count)
        var similarities = [Double](repeating: 0, count: table.rows)
        for other in 0..<table.rows where other != row && isEligible(other) {
            similarities[other] = table.cosine(row, other, norms: norms)
            selector.offer(item: Int32(other), score: Float(similarities[other]))
        }
        return selector.drainRanked().map { Neighbor(id: $0.item, similarity: similarities[Int($0.item)]) }
    }
}
