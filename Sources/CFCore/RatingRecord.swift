/// One training rating as the epoch loops read it: user, item and rating side by side,
/// so a rating in shuffled order is one memory access, not one per column.
public struct RatingRecord: Equatable, Sendable {
    public var user: Int32
    public var item: Int32
    public var rating: Float

    public init(user: Int32, item: Int32, rating: Float) {
        self.user = user
        self.item = item
        self.rating = rating
    }
}
