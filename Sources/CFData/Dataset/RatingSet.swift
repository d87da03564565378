/// Ratings as parallel contiguous arrays of dense ids: the form every model trains on.
public struct RatingSet: Equatable, Sendable {
    public var users: [Int32]
    public var items: [Int32]
    public var ratings: [Float]
    /// Seconds since the epoch, or 0 when the source has none.
    public var timestamps: [Int64]

    public init(users: [Int32] = [], items: [Int32] = [], ratings: [Float] = [], timestamps: [Int64] = []) {
        precondition(users.count == items.count && items.count == ratings.count && ratings.count == timestamps.count)
        self.users = users
        self.items = items
        self.ratings = ratings
        self.timestamps = timestamps
    }

    public var count: Int { ratings.count }
    public var isEmpty: Bool { ratings.isEmpty }

    public mutating func append(user: Int32, item: Int32, rating: Float, timestamp: Int64) {
        users.append(user)
        items.append(item)
        ratings.append(rating)
        timestamps.append(timestamp)
    }

    /// Reserves room for `capacity` ratings in every column.
    public mutating func reserveCapacity(_ capacity: Int) {
        users.reserveCapacity(capacity)
        items.reserveCapacity(capacity)
        ratings.reserveCapacity(capacity)
        timestamps.reserveCapacity(capacity)
    }

    /// The ratings at `indices`, in that order.
    public func subset<S: Sequence>(_ indices: S) -> RatingSet where S.Element == Int {
        var out = RatingSet()
        out.reserveCapacity(indices.underestimatedCount)
        for index in indices {
            out.append(user: users[index], item: items[index], rating: ratings[index], timestamp: timestamps[index])
        }
        return out
    }
}
