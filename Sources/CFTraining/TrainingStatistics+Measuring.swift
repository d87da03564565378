import CFData
import CFModels

extension TrainingStatistics {
    /// Measures the training part of a split: mean, rating range, and seen users/items.
    ///
    /// The mean accumulates in Double in rating order. An empty set gives mean 0, range
    /// [0, 0] and nothing seen.
    public init(measuring train: RatingSet, userCount: Int, itemCount: Int) {
        var userSeen = [Bool](repeating: false, count: userCount)
        var itemSeen = [Bool](repeating: false, count: itemCount)
        var sum = 0.0
        var low = Float.infinity, high = -Float.infinity
        for index in 0..<train.count {
            userSeen[Int(train.users[index])] = true
            itemSeen[Int(train.items[index])] = true
            let rating = train.ratings[index]
            sum += Double(rating)
            low = min(low, rating)
            high = max(high, rating)
        }
        let empty = train.isEmpty
        self.init(
            globalMean: empty ? 0 : Float(sum / Double(train.count)),
            ratingMin: empty ? 0 : low, ratingMax: empty ? 0 : high,
            userSeen: userSeen, itemSeen: itemSeen
        )
    }
}
