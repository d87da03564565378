import CFData

/// The items each user rated, with the ratings, grouped by user in compressed rows:
/// user u's pairs are `items[offsets[u]..<offsets[u + 1]]` (ascending, no duplicates)
/// with `ratings` at the same positions.
public struct UserRatings: Equatable, Sendable {
    /// Where each user's pairs start; `userCount + 1` entries, the last one `items.count`.
    public let offsets: [Int]
    public let items: [Int32]
    public let ratings: [Float]

    /// Groups `ratings` by dense user id; of repeated (user, item) pairs the first is kept.
    public init(_ ratings: RatingSet, userCount: Int) {
        var counts = [Int](repeating: 0, count: userCount + 1)
        for user in ratings.users { counts[Int(user) + 1] += 1 }
        for user in 0..<userCount { counts[user + 1] += counts[user] }
        var next = counts
        var order = [Int](repeating: 0, count: ratings.count)
        for index in 0..<ratings.count {
            let user = Int(ratings.users[index])
            order[next[user]] = index
            next[user] += 1
        }
        var offsets = [0]
        var items: [Int32] = []
        var values: [Float] = []
        offsets.reserveCapacity(userCount + 1)
        items.reserveCapacity(ratings.count)
        values.reserveCapacity(ratings.count)
        for user in 0..<userCount {
            let group = order[counts[user]..<counts[user + 1]].sorted {
                (ratings.items[$0], $0) < (ratings.items[$1], $1)
            }
            for index in group where items.count == offsets[user] || items[items.count - 1] != ratings.items[index] {
                items.append(ratings.items[index])
                values.append(ratings.ratings[index])
            }
            offsets.append(items.count)
        }
        self.init(offsets: offsets, items: items, ratings: values)
    }

    /// Rows already grouped; the lengths must agree (checked by the caller).
    init(offsets: [Int], items: [Int32], ratings: [Float]) {
        self.offsets = offsets
        self.items = items
        self.ratings = ratings
    }

    /// Rows rebuilt from per-user counts, or nil when the counts do not add up.
    init?(counts: [Int32], items: [Int32], ratings: [Float]) {
        var offsets = [0]
        offsets.reserveCapacity(counts.count + 1)
        for count in counts {
            guard count >= 0 else { return nil }
            offsets.append(offsets[offsets.count - 1] + Int(count))
        }
        guard offsets.last == items.count, items.count == ratings.count else { return nil }
        self.init(offsets: offsets, items: items, ratings: ratings)
    }

    public var userCount: Int { offsets.count - 1 }
    public var count: Int { items.count }

    /// The number of pairs of each user.
    public var counts: [Int32] {
        (0..<userCount).map { Int32(offsets[$0 + 1] - offsets[$0]) }
    }

    /// The items `user` rated, ascending (empty for an id outside the rows).
    public func items(of user: Int32) -> ArraySlice<Int32> {
        guard user >= 0, Int(user) < userCount else { return [] }
        return items[offsets[Int(user)]..<offsets[Int(user) + 1]]
    }

    /// The ratings `user` gave, in the order of `items(of:)`.
    public func ratings(of user: Int32) -> ArraySlice<Float> {
        guard user >= 0, Int(user) < userCount else { return [] }
        return ratings[offsets[Int(user)]..<offsets[Int(user) + 1]]
    }

    /// The rating `user` gave `item`, or nil.
    public func rating(user: Int32, item: Int32) -> Float? {
        let row = items(of: user)
        var low = row.startIndex, high = row.endIndex
        while low < high {
            let middle = (low + high) / 2
            if row[middle] < item { low = middle + 1 } else { high = middle }
        }
        return low < row.endIndex && row[low] == item ? ratings[low] : nil
    }

    /// The pairs of these rows that `other` lacks.
    public func subtracting(_ other: UserRatings) -> UserRatings {
        var offsets = [0]
        var items: [Int32] = []
        var values: [Float] = []
        for user in 0..<Int32(userCount) {
            let theirs = other.items(of: user)
            var cursor = theirs.startIndex
            for (item, rating) in zip(self.items(of: user), self.ratings(of: user)) {
                while cursor < theirs.endIndex && theirs[cursor] < item { cursor += 1 }
                if cursor < theirs.endIndex && theirs[cursor] == item { continue }
                items.append(item)
                values.append(rating)
            }
            offsets.append(items.count)
        }
        return UserRatings(offsets: offsets, items: items, ratings: values)
    }
}
