import CFData

extension TrainingStatistics {
    /// Statistics of a training set whose ids are dense in 0..<userCount and 0..<itemCount.
    ///
    /// `ratingMin`/`ratingMax` are the training ratings' range (what `y_range: data`
    /// resolves to); an empty set gets mean 0 and range [0, 0].
    public init(training: RatingSet, userCount: Int, itemCount: Int) {
        var userSeen = [Bool](repeating: false, count: userCount)
        var itemSeen = [Bool](repeating: false, count: itemCount)
        var sum = 0.0
        var low = Float.infinity
        var high = -Float.infinity
        for index in 0..<training.count {
            userSeen[Int(training.users[index])] = true
            itemSeen[Int(training.items[index])] = true
            let rating = training.ratings[index]
            sum += Double(rating)
            low = min(low, rating)
            high = max(high, rating)
        }
        let isEmpty = training.isEmpty
        self.init(
            globalMean: isEmpty ? 0 : Float(sum / Double(training.count)),
            ratingMin: isEmpty ? 0 : low, ratingMax: isEmpty ? 0 : high,
            userSeen: userSeen, itemSeen: itemSeen
        )
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
