/// How much of a held-out part the training part has never seen (users or items absent from it).
public struct ColdStart: Equatable, Sendable {
    /// Ratings in the other part.
    public var total: Int
    /// Ratings whose user has no training rating.
    public var unknownUserRatings: Int
    /// Ratings whose item has no training rating.
    public var unknownItemRatings: Int
    /// Ratings whose user or item (or both) has no training rating.
    public var unknownEitherRatings: Int
    /// Distinct users of the other part absent from training.
    public var unknownUsers: Int
    /// Distinct items of the other part absent from training.
    public var unknownItems: Int

    /// Counts the ratings of `other` whose user or item never appears in `train`.
    public init(train: RatingSet, other: RatingSet) {
        let userCount = Int(max(train.users.max() ?? -1, other.users.max() ?? -1)) + 1
        let itemCount = Int(max(train.items.max() ?? -1, other.items.max() ?? -1)) + 1
        var seenUsers = [Bool](repeating: false, count: userCount)
        var seenItems = [Bool](repeating: false, count: itemCount)
        for user in train.users { seenUsers[Int(user)] = true }
        for item in train.items { seenItems[Int(item)] = true }
        var coldUsers = Set<Int32>()
        var coldItems = Set<Int32>()
        total = other.count
        (unknownUserRatings, unknownItemRatings, unknownEitherRatings) = (0, 0, 0)
        for index in 0..<other.count {
            let userCold = !seenUsers[Int(other.users[index])]
            let itemCold = !seenItems[Int(other.items[index])]
            if userCold {
                unknownUserRatings += 1
                coldUsers.insert(other.users[index])
            }
            if itemCold {
                unknownItemRatings += 1
                coldItems.insert(other.items[index])
            }
            if userCold || itemCold { unknownEitherRatings += 1 }
        }
        unknownUsers = coldUsers.count
        unknownItems = coldItems.count
    }
}
