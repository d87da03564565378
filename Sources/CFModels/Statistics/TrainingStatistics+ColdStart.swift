import CFData

extension TrainingStatistics {
    /// Statistics of a training set whose ids are dense in 0..<userCount and 0..<itemCount.
    ///
    /// `ratingMin`/`ratingMax` are the training ratings' range (what `y_range: data`
    /// resolves to); an empty set gets mean 0 and range [0, 0]. Counts come from the same
    /// pass. Baseline estimates take two more passes (items' sums need the mean first,
    /// users' the items'), so they are measured only when `baselines` asks for them (a
    /// model with `bias_init: data`); otherwise they stay empty.
    ///
    /// `ratedItems` lists each user's training items (`ratedStarts`/`ratedItems`, one more
    /// pass), for a model with `implicit: true`.
    public init(
        training: RatingSet, userCount: Int, itemCount: Int, baselines measuresBaselines: Bool = false, ratedItems listsItems: Bool = false
    ) {
        var userCounts = [Int32](repeating: 0, count: userCount)
        var itemCounts = [Int32](repeating: 0, count: itemCount)
        var sum = 0.0
        var low = Float.infinity
        var high = -Float.infinity
        for index in 0..<training.count {
            userCounts[Int(training.users[index])] += 1
            itemCounts[Int(training.items[index])] += 1
            let rating = training.ratings[index]
            sum += Double(rating)
            low = min(low, rating)
            high = max(high, rating)
        }
        let isEmpty = training.isEmpty
        let mean = isEmpty ? 0 : Float(sum / Double(training.count))
        let baselines = measuresBaselines
            ? Self.baselines(training, mean: mean, userCounts: userCounts, itemCounts: itemCounts) : (users: [], items: [])
        self.init(
            globalMean: mean, ratingMin: isEmpty ? 0 : low, ratingMax: isEmpty ? 0 : high,
            userSeen: userCounts.map { $0 > 0 }, itemSeen: itemCounts.map { $0 > 0 },
            userCounts: userCounts, itemCounts: itemCounts, userBaselines: baselines.users, itemBaselines: baselines.items
        )
        if listsItems { (ratedStarts, ratedItems) = Self.ratedItems(training, userCounts: userCounts) }
    }

    /// Each user's training items in training order: a counting sort by user.
    private static func ratedItems(_ training: RatingSet, userCounts: [Int32]) -> (starts: [Int32], items: [Int32]) {
        var starts = [Int32](repeating: 0, count: userCounts.count + 1)
        for user in userCounts.indices { starts[user + 1] = starts[user] + userCounts[user] }
        var next = starts
        var items = [Int32](repeating: 0, count: training.count)
        for index in 0..<training.count {
            let user = Int(training.users[index])
            items[Int(next[user])] = training.items[index]
            next[user] += 1
        }
        return (starts, items)
    }

    /// The baseline estimates of the type's comment, summed in Double in rating order.
    private static func baselines(
        _ training: RatingSet, mean: Float, userCounts: [Int32], itemCounts: [Int32]
    ) -> (users: [Float], items: [Float]) {
        var itemSums = [Double](repeating: 0, count: itemCounts.count)
        for index in 0..<training.count {
            itemSums[Int(training.items[index])] += Double(training.ratings[index] - mean)
        }
        let items = itemSums.indices.map { Float(itemSums[$0] / (itemShrinkage + Double(itemCounts[$0]))) }
        var userSums = [Double](repeating: 0, count: userCounts.count)
        for index in 0..<training.count {
            userSums[Int(training.users[index])] += Double(training.ratings[index] - mean - items[Int(training.items[index])])
        }
        let users = userSums.indices.map { Float(userSums[$0] / (userShrinkage + Double(userCounts[$0]))) }
        return (users, items)
    }

    /// Whether `user` rated anything in training (ids outside the table count as unseen).
    @inline(__always)
    public func isKnown(user: Int32) -> Bool {
        user >= 0 && Int(user) < userSeen.count && userSeen[Int(user)]
    }

    /// Whether `item` was rated in training (ids outside the table count as unseen).
    @inline(__always)
    public func isKnown(item: Int32) -> Bool {
        item >= 0 && Int(item) < itemSeen.count && itemSeen[Int(item)]
    }

    /// Whether every user of `users[range]` was seen in training.
    @inline(__always)
    func areKnown(users: UnsafeBufferPointer<Int32>, _ range: Range<Int>) -> Bool {
        range.allSatisfy { isKnown(user: users[$0]) }
    }

    /// Whether every item of `items[range]` was seen in training.
    @inline(__always)
    func areKnown(items: UnsafeBufferPointer<Int32>, _ range: Range<Int>) -> Bool {
        range.allSatisfy { isKnown(item: items[$0]) }
    }

    /// Whether predicting (user, item) uses a cold-start fallback: either side is unseen.
    /// Each model documents its fallback; the evaluator counts these pairs.
    @inline(__always)
    public func isColdStart(user: Int32, item: Int32) -> Bool {
        !isKnown(user: user) || !isKnown(item: item)
    }

    /// The number of pairs that use a cold-start fallback.
    public func coldStartCount(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>) -> Int {
        precondition(users.count == items.count, "users and items differ in length")
        var count = 0
        for index in 0..<users.count where isColdStart(user: users[index], item: items[index]) {
            count += 1
        }
        return count
    }
}
