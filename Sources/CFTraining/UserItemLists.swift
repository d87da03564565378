import CFData

/// The items of each user, grouped by a counting sort: user u's items are
/// `items[offsets[u]..<offsets[u + 1]]`, ascending and without duplicates.
struct UserItemLists {
    let offsets: [Int]
    let items: [Int32]

    /// The items of every rating in `ratings` that `keep` accepts, grouped by user.
    init(_ ratings: RatingSet, userCount: Int, keep: (Float) -> Bool = { _ in true }) {
        var counts = [Int](repeating: 0, count: userCount + 1)
        for index in 0..<ratings.count where keep(ratings.ratings[index]) {
            counts[Int(ratings.users[index]) + 1] += 1
        }
        for user in 0..<userCount { counts[user + 1] += counts[user] }
        var next = counts
        var grouped = [Int32](repeating: 0, count: counts[userCount])
        for index in 0..<ratings.count where keep(ratings.ratings[index]) {
            let user = Int(ratings.users[index])
            grouped[next[user]] = ratings.items[index]
            next[user] += 1
        }
        var offsets = [0]
        offsets.reserveCapacity(userCount + 1)
        var items: [Int32] = []
        items.reserveCapacity(grouped.count)
        for user in 0..<userCount {
            var previous: Int32 = -1
            for item in grouped[counts[user]..<counts[user + 1]].sorted() where item != previous {
                items.append(item)
                previous = item
            }
            offsets.append(items.count)
        }
        self.offsets = offsets
        self.items = items
    }

    var userCount: Int { offsets.count - 1 }

    /// The items of `user`, ascending.
    @inline(__always)
    func items(of user: Int) -> ArraySlice<Int32> {
        items[offsets[user]..<offsets[user + 1]]
    }
}
