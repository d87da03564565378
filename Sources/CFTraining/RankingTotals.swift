import Foundation

/// Sums of the per-user top-K metrics at one cutoff K, averaged over the users added.
///
/// For one user with R relevant items and the relevance rel_r of the item at rank
/// r = 1…K of the recommended list (1 when relevant, else 0; a list shorter than K
/// counts the missing ranks as irrelevant), hits = Σ rel_r and:
///
///     precision@K = hits / K
///     recall@K    = hits / R
///     ndcg@K      = Σ rel_r / log₂(r + 1)  ÷  Σ_{r=1…min(K,R)} 1 / log₂(r + 1)
///     hit_rate@K  = 1 if hits > 0, else 0
///     trec_map@K  = Σ rel_r · (Σ_{s≤r} rel_s) / r  ÷  R
///
/// `trec_map@K` is trec_eval's and ranx's average precision cut at K (`map_cut_K`): it
/// divides by every relevant item R, so a user with more relevant items than K cannot
/// reach 1. Stores written before 0.3.0 hold `map@K`, which divided by min(K, R)
/// (RecBole's convention); the name changed with the definition, so no store holds two
/// meanings under one name (docs/metrics.md).
///
/// Each metric is the mean of these over users, accumulated in Double in the order
/// users are added.
public struct RankingTotals: Equatable, Sendable {
    /// The cutoff K.
    public let cutoff: Int
    /// The number of users added.
    public private(set) var users = 0
    public private(set) var precision = 0.0
    public private(set) var recall = 0.0
    public private(set) var ndcg = 0.0
    public private(set) var hitRate = 0.0
    public private(set) var averagePrecision = 0.0

    public init(cutoff: Int) {
        precondition(cutoff > 0, "cutoff must be positive")
        self.cutoff = cutoff
    }

    /// Adds one user: `relevance[r]` says whether the item at rank r + 1 is relevant
    /// (only the first K entries are read), and `relevantCount` (R > 0) is how many
    /// relevant items the user has.
    public mutating func add<Flags: Collection>(relevance: Flags, relevantCount: Int) where Flags.Element == Bool {
        precondition(relevantCount > 0, "a ranked user needs a relevant item")
        var hits = 0
        var discounted = 0.0
        var precisionSum = 0.0
        for (index, isRelevant) in relevance.prefix(cutoff).enumerated() where isRelevant {
            hits += 1
            discounted += 1 / log2(Double(index + 2))
            precisionSum += Double(hits) / Double(index + 1)
        }
        let ideal = (0..<min(cutoff, relevantCount)).reduce(0.0) { $0 + 1 / log2(Double($1 + 2)) }
        users += 1
        precision += Double(hits) / Double(cutoff)
        recall += Double(hits) / Double(relevantCount)
        ndcg += discounted / ideal
        hitRate += hits > 0 ? 1 : 0
        averagePrecision += precisionSum / Double(relevantCount)
    }

    /// The means by metric name (`precision@K`, …); empty when no user was added.
    public var means: [String: Double] {
        guard users > 0 else { return [:] }
        let count = Double(users)
        return [
            RankingMetricName.precision(cutoff): precision / count,
            RankingMetricName.recall(cutoff): recall / count,
            RankingMetricName.ndcg(cutoff): ndcg / count,
            RankingMetricName.hitRate(cutoff): hitRate / count,
            RankingMetricName.meanAveragePrecision(cutoff): averagePrecision / count,
        ]
    }
}
