import CFCore
import CFModels
import CFText

/// The items a user has not rated with the highest predicted ratings.
///
/// Candidates are the items with at least `minimumRatings` training ratings that the
/// user did not rate in training (`.training`), or anywhere in the data (`.all`). They
/// are scored in one batch through the model's `predict` (clipped to the training
/// rating range when the run's `evaluation.clip` is set) and the best `count` are kept
/// by a `TopKSelector`: equal predictions go to the lower item id.
public struct Recommendations {
    /// Which of the user's rated items are kept out.
    public enum Exclusion: String, CaseIterable, Sendable {
        /// Items rated in training.
        case train
        /// Items rated in training, validation or test.
        case all
    }

    public let run: AnalyzedRun
    public let user: Int32
    public let exclusion: Exclusion
    /// Item and predicted rating, best first.
    public let items: [(item: Int32, prediction: Float)]

    public init(run: AnalyzedRun, user: Int32, count: Int, minimumRatings: Int, excluding exclusion: Exclusion) throws {
        let pairs = try run.ratedPairs()
        let metadata = run.metadata
        var candidates: [Int32] = []
        for item in 0..<Int32(metadata.items.count) where Int(metadata.itemCounts[Int(item)]) >= minimumRatings
            && !pairs.contains(user: user, item: item, includingHeldOut: exclusion == .all) {
            candidates.append(item)
        }
        if candidates.isEmpty { throw AnalysisError.nothingLeft(what: "unrated item", minimumRatings: minimumRatings) }
        var predictions = run.model.predict(users: [Int32](repeating: user, count: candidates.count), items: candidates)
        if run.config.evaluation.clip {
            predictions = predictions.map { min(max($0, metadata.ratingMin), metadata.ratingMax) }
        }
        var selector = TopKSelector(capacity: count)
        for (item, prediction) in zip(candidates, predictions) { selector.offer(item: item, score: prediction) }
        self.run = run
        self.user = user
        self.exclusion = exclusion
        items = selector.drainRanked().map { ($0.item, $0.score) }
    }

    /// The recommendations as a table, with a note when the user was unseen in training.
    public var output: AnalysisOutput {
        let columns = ItemColumns(metadata: run.metadata)
        let raw = run.metadata.users.raw(user)
        let excluded = exclusion == .train ? "not rated in training" : "not rated anywhere in the data"
        let table = AnalysisTable(
            title: "Top \(items.count) items for user \(raw) (\(excluded)), run \(run.runId)",
            key: "recommendations",
            columns: [.named("rank")] + ItemColumns.leadingColumns + [.named("predicted")] + ItemColumns.statisticsColumns
                + [ItemColumns.genresColumn],
            rows: items.enumerated().map { rank, entry in
                [.integer(rank + 1)] + columns.leading(entry.item) + [.number(float: entry.prediction, decimals: 3)]
                    + columns.statistics(entry.item) + [columns.genres(entry.item)]
            }
        )
        return AnalysisOutput(tables: [table], notes: ColdStartNote.user(user, in: run).map { [$0] } ?? [])
    }
}
