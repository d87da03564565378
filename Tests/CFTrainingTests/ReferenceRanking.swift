import CFConfig
import CFCore
import CFData
import CFModels
@testable import CFTraining

/// The ranking evaluator as it was before the catalogue kernels and threads: every
/// candidate scored through `predict` one user at a time on the calling thread. The
/// reference the fast path must match bit for bit.
final class ReferenceRanking {
    /// The cutoffs, ascending and without duplicates.
    let cutoffs: [Int]
    let threshold: Double
    let itemCount: Int
    let chunkSize: Int
    private let training: UserItemLists
    private var selector: TopKSelector
    private var userColumn: [Int32]
    private let itemColumn: [Int32]
    private var scores: [Float]
    private var rankedItems: [Int32]
    private var rankedScores: [Float]
    private var relevance: [Bool]
    private var isExcluded: [Bool]
    private var isRelevant: [Bool]
    private var firstRank: [Int]

    /// - Parameters:
    ///   - training: the training ratings, whose items are never candidates.
    ///   - userCount, itemCount: the dataset's dense id counts.
    init(config: RankingConfig, training: RatingSet, userCount: Int, itemCount: Int, chunkSize: Int = 4096) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        cutoffs = Array(Set(config.k.filter { $0 > 0 })).sorted()
        threshold = config.threshold
        self.itemCount = itemCount
        self.chunkSize = chunkSize
        self.training = UserItemLists(training, userCount: userCount)
        let deepest = cutoffs.last ?? 0
        selector = TopKSelector(capacity: deepest)
        userColumn = [Int32](repeating: 0, count: min(chunkSize, itemCount))
        itemColumn = (0..<Int32(itemCount)).map { $0 }
        scores = [Float](repeating: 0, count: itemCount)
        rankedItems = [Int32](repeating: 0, count: deepest)
        rankedScores = [Float](repeating: 0, count: deepest)
        relevance = [Bool](repeating: false, count: deepest)
        isExcluded = [Bool](repeating: false, count: itemCount)
        isRelevant = [Bool](repeating: false, count: itemCount)
        firstRank = [Int](repeating: Int.max, count: itemCount)
    }

    /// The ranking metrics of `model` on `heldOut`, by `RankingMetricName`.
    func evaluate(model: any RatingModel, heldOut: RatingSet) -> [String: Double] {
        let threshold = threshold
        let all = UserItemLists(heldOut, userCount: training.userCount)
        let relevant = UserItemLists(heldOut, userCount: training.userCount) { Double($0) >= threshold }
        var totals = cutoffs.map(RankingTotals.init(cutoff:))
        var skipped = 0
        for index in firstRank.indices { firstRank[index] = Int.max }
        for user in 0..<training.userCount {
            let relevantItems = relevant.items(of: user)
            if relevantItems.isEmpty {
                if !all.items(of: user).isEmpty { skipped += 1 }
                continue
            }
            let count = rank(user: user, model: model)
            for item in relevantItems { isRelevant[Int(item)] = true }
            for position in 0..<count {
                let item = Int(rankedItems[position])
                relevance[position] = isRelevant[item]
                firstRank[item] = min(firstRank[item], position)
            }
            for position in count..<relevance.count { relevance[position] = false }
            for item in relevantItems { isRelevant[Int(item)] = false }
            for index in totals.indices { totals[index].add(relevance: relevance, relevantCount: relevantItems.count) }
        }
        var metrics: [String: Double] = [
            RankingMetricName.users: Double(totals.first?.users ?? 0),
            RankingMetricName.skippedUsers: Double(skipped),
        ]
        for total in totals where total.users > 0 {
            metrics.merge(total.means) { $1 }
            let covered = firstRank.reduce(0) { $0 + ($1 < total.cutoff ? 1 : 0) }
            metrics[RankingMetricName.coverage(total.cutoff)] = itemCount > 0 ? Double(covered) / Double(itemCount) : 0
        }
        return metrics
    }

    /// Scores every candidate of `user` and leaves the best, best first, in `rankedItems`.
    private func rank(user: Int, model: any RatingModel) -> Int {
        for item in training.items(of: user) { isExcluded[Int(item)] = true }
        for index in userColumn.indices { userColumn[index] = Int32(user) }
        selector.removeAll()
        userColumn.withUnsafeBufferPointer { users in
            itemColumn.withUnsafeBufferPointer { items in
                scores.withUnsafeMutableBufferPointer { output in
                    var start = 0
                    while start < itemCount {
                        let end = min(start + chunkSize, itemCount)
                        model.predict(
                            users: UnsafeBufferPointer(rebasing: users[0..<(end - start)]),
                            items: UnsafeBufferPointer(rebasing: items[start..<end]),
                            into: UnsafeMutableBufferPointer(rebasing: output[start..<end])
                        )
                        for item in start..<end where !isExcluded[item] {
                            selector.offer(item: Int32(item), score: output[item])
                        }
                        start = end
                    }
                }
            }
        }
        for item in training.items(of: user) { isExcluded[Int(item)] = false }
        return selector.drain(into: &rankedItems, scores: &rankedScores)
    }
}
