/// Ratings as parallel contiguous arrays of dense ids: the form every model trains on.
public struct RatingSet: Equatable, Sendable {
    public var users: [Int32]
    public var items: [Int32]
    public var ratings: [Float]
    /// Seconds since the epoch, or 0 when the source has none; empty for every rating
    /// once released (`releaseTimestamps`: the parts of a split that only train and
    /// evaluate never read them).
    public var timestamps: [Int64]
    /// Whether the ratings still have their timestamps (see `releaseTimestamps`).
    public private(set) var hasTimestamps: Bool

    public init(users: [Int32] = [], items: [Int32] = [], ratings: [Float] = [], timestamps: [Int64] = []) {
        precondition(users.count == items.count && items.count == ratings.count
                     && (ratings.count == timestamps.count || timestamps.isEmpty))
        self.users = users
        self.items = items
        self.ratings = ratings
        self.timestamps = timestamps
        hasTimestamps = timestamps.count == ratings.count
    }

    public var count: Int { ratings.count }
    public var isEmpty: Bool { ratings.isEmpty }

    /// Drops the timestamps (8 bytes a rating) of a set that no longer needs them. A set
    /// without them appends none, and its parts and merges have none either.
    public mutating func releaseTimestamps() {
        timestamps = []
        hasTimestamps = false
    }

    /// A copy without the timestamps.
    public func withoutTimestamps() -> RatingSet {
        var copy = self
        copy.releaseTimestamps()
        return copy
    }

    public mutating func append(user: Int32, item: Int32, rating: Float, timestamp: Int64) {
        users.append(user)
        items.append(item)
        ratings.append(rating)
        if hasTimestamps { timestamps.append(timestamp) }
    }

    /// Reserves room for `capacity` ratings in every column.
    public mutating func reserveCapacity(_ capacity: Int) {
        users.reserveCapacity(capacity)
        items.reserveCapacity(capacity)
        ratings.reserveCapacity(capacity)
        timestamps.reserveCapacity(capacity)
    }

    /// Rating `index`'s timestamp, or 0 once they are released.
    @inline(__always)
    func timestamp(at index: Int) -> Int64 { hasTimestamps ? timestamps[index] : 0 }

    /// The ratings at `indices`, in that order (without timestamps if `self` has none).
    public func subset<S: Sequence>(_ indices: S) -> RatingSet where S.Element == Int {
        var out = RatingSet()
        if !hasTimestamps { out.releaseTimestamps() }
        out.reserveCapacity(indices.underestimatedCount)
        for index in indices {
            out.append(user: users[index], item: items[index], rating: ratings[index], timestamp: timestamp(at: index))
        }
        return out
    }
}
