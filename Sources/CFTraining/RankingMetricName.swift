/// The names of the top-K ranking metrics, as `RankingEvaluator` reports them.
///
/// Validation metrics go into an epoch's metrics under these names; test metrics go
/// into the run's test metrics (beside `rmse`) under the same names.
public enum RankingMetricName {
    /// Users ranked: those with at least one relevant held-out item.
    public static let users = "ranking_users"
    /// Users with held-out ratings but none at or above the threshold, left out.
    public static let skippedUsers = "ranking_users_skipped"

    public static func precision(_ cutoff: Int) -> String { "precision@\(cutoff)" }
    public static func recall(_ cutoff: Int) -> String { "recall@\(cutoff)" }
    public static func ndcg(_ cutoff: Int) -> String { "ndcg@\(cutoff)" }
    public static func hitRate(_ cutoff: Int) -> String { "hit_rate@\(cutoff)" }
    /// trec_eval's MAP cut at K (divided by all relevant items); not the `map@K` of
    /// stores before 0.3.0, which divided by min(K, R).
    public static func meanAveragePrecision(_ cutoff: Int) -> String { "trec_map@\(cutoff)" }
    /// Whether `name` is a top-K metric (`ndcg@10`, `trec_map@5`...), not a user count.
    public static func isTopK(_ name: String) -> Bool {
        name.contains("@")
    }

    /// Distinct items in any ranked user's top K, over the number of items.
    public static func coverage(_ cutoff: Int) -> String { "coverage@\(cutoff)" }
}
