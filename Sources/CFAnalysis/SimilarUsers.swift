import CFStore
import CFText

/// The users whose embeddings point the same way as one user's (cosine similarity of
/// rows of `user_embedding`, over users with at least `minimumRatings` training
/// ratings), and the items that user and the closest one both rated.
public struct SimilarUsers {
    /// An item both users rated, with each one's rating (training or held out).
    public struct SharedRating: Equatable, Sendable {
        public var item: Int32
        public var rating: Float
        public var neighborRating: Float
    }

    public let run: AnalyzedRun
    public let user: Int32
    public let neighbors: [Neighbors.Neighbor]
    /// The items both rated, highest summed rating first (empty without rated pairs).
    public let shared: [SharedRating]
    /// Whether the split's rated pairs were stored.
    public let hasRatedPairs: Bool

    public init(run: AnalyzedRun, user: Int32, count: Int, minimumRatings: Int) throws {
        let table = try run.table("user_embedding", for: "user similarity")
        let counts = run.metadata.userCounts
        self.run = run
        self.user = user
        neighbors = Neighbors.nearest(to: Int(user), in: table, count: count) { Int(counts[$0]) >= minimumRatings }
        if neighbors.isEmpty && count > 0 { throw AnalysisError.nothingLeft(what: "other user", minimumRatings: minimumRatings) }
        hasRatedPairs = run.metadata.ratedPairs != nil
        if let pairs = run.metadata.ratedPairs, let closest = neighbors.first?.id {
            let mine = Self.ratings(of: user, in: pairs)
            let theirs = Self.ratings(of: closest, in: pairs)
            shared = mine.compactMap { item, rating in
                theirs[item].map { SharedRating(item: item, rating: rating, neighborRating: $0) }
            }.sorted { ($1.rating + $1.neighborRating, $0.item) < ($0.rating + $0.neighborRating, $1.item) }
        } else {
            shared = []
        }
    }

    /// Every rating `user` gave, training and held out, by dense item id.
    static func ratings(of user: Int32, in pairs: RatedPairs) -> [Int32: Float] {
        var ratings: [Int32: Float] = [:]
        for part in [pairs.heldOut, pairs.training] {
            for (item, rating) in zip(part.items(of: user), part.ratings(of: user)) { ratings[item] = rating }
        }
        return ratings
    }

    /// The neighbours, then up to `sharedLimit` items both the user and the closest one rated.
    public func output(sharedLimit: Int) -> AnalysisOutput {
        let metadata = run.metadata
        let raw = metadata.users.raw(user)
        let users = AnalysisTable(
            title: "Users most similar to user \(raw), run \(run.runId)",
            key: "similar_users",
            columns: [.named("rank"), .named("user"), .named("similarity"), .named("ratings"), .named("mean rating")],
            rows: neighbors.enumerated().map { rank, neighbor in
                [.integer(rank + 1), .text(metadata.users.raw(neighbor.id)), .number(neighbor.similarity, decimals: 4),
                 .integer(Int(metadata.userCounts[Int(neighbor.id)])),
                 .number(float: metadata.userMeans[Int(neighbor.id)], decimals: 2)]
            }
        )
        guard let closest = neighbors.first?.id else { return AnalysisOutput(tables: [users]) }
        let columns = ItemColumns(metadata: metadata)
        let closestRaw = metadata.users.raw(closest)
        let both = AnalysisTable(
            title: "Items both user \(raw) and user \(closestRaw) rated (user's rating, neighbour's rating)",
            key: "shared_ratings",
            columns: ItemColumns.leadingColumns + [.named("user rating"), .named("neighbour rating"), ItemColumns.genresColumn],
            rows: shared.prefix(sharedLimit).map { entry in
                columns.leading(entry.item) + [
                    .number(float: entry.rating, decimals: 1), .number(float: entry.neighborRating, decimals: 1),
                    columns.genres(entry.item),
                ]
            }
        )
        var notes: [String] = []
        if !hasRatedPairs {
            notes.append("This store kept no rated pairs for the run's split, so shared ratings cannot be listed.")
        } else if shared.count > sharedLimit {
            notes.append("Showing \(sharedLimit) of \(shared.count) items both rated; raise -n to see more.")
        }
        return AnalysisOutput(tables: [users, both], notes: notes)
    }
}
