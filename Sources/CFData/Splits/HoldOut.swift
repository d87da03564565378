import CFCore

/// One stage of a split: which of a list of rating indices are held out.
enum HoldOut {
    enum Rule: Sendable {
        case random(fraction: Double)
        case fold(count: Int, index: Int)
        case perUser(fraction: Double)
        case latest(fraction: Double)
        case lastPerUser(count: Int)
    }

    /// Splits `indices` (ascending, each in 0..<ratings.count) into kept and held parts, both ascending.
    ///
    /// The lists are `Int32` and every rule works in place on one buffer of them: a
    /// seeded Fisher-Yates shuffle (random, fold), a partial one per user (per_user), or a
    /// sort by (timestamp, index) (latest, last_n). Which indices are held depends only on
    /// the rule, the draws and the ratings, never on how the work is laid out.
    static func apply(
        _ rule: Rule, to indices: [Int32], in ratings: RatingSet, using rng: inout Xoshiro256StarStar
    ) -> (kept: [Int32], held: [Int32]) {
        var isHeld = [Bool](repeating: false, count: ratings.count)
        isHeld.withUnsafeMutableBufferPointer { isHeld in
            switch rule {
            case let .random(fraction):
                var shuffled = indices
                rng.shuffle(&shuffled)
                for index in shuffled.prefix(heldCount(fraction, of: indices.count)) { isHeld[Int(index)] = true }
            case let .fold(count, foldIndex):
                var shuffled = indices
                rng.shuffle(&shuffled)
                shuffled.withUnsafeBufferPointer { shuffled in
                    var position = foldIndex
                    while position < shuffled.count {
                        isHeld[Int(shuffled[position])] = true
                        position += count
                    }
                }
            case let .perUser(fraction):
                forEachUser(indices, in: ratings) { segment in
                    let count = segment.count
                    guard count >= 2, fraction > 0 else { return }
                    let held = min(count - 1, max(1, Int((fraction * Double(count)).rounded())))
                    for position in 0..<held {
                        segment.swapAt(position, position + rng.nextInt(below: count - position))
                        isHeld[Int(segment[position])] = true
                    }
                }
            case let .latest(fraction):
                var ordered = indices
                ratings.timestamps.withUnsafeBufferPointer { timestamps in
                    ordered.withUnsafeMutableBufferPointer { ordered in sortByTime(ordered, timestamps) }
                }
                for index in ordered.suffix(heldCount(fraction, of: indices.count)) { isHeld[Int(index)] = true }
            case let .lastPerUser(count):
                ratings.timestamps.withUnsafeBufferPointer { timestamps in
                    forEachUser(indices, in: ratings) { segment in
                        sortByTime(segment, timestamps)
                        for index in segment.suffix(min(count, segment.count - 1)) { isHeld[Int(index)] = true }
                    }
                }
            }
        }
        return partition(indices, by: isHeld)
    }

    /// round(fraction·count), half away from zero, at most count.
    static func heldCount(_ fraction: Double, of count: Int) -> Int {
        min(count, max(0, Int((fraction * Double(count)).rounded())))
    }

    /// The indices not held and those held, each in the order of `indices`.
    private static func partition(_ indices: [Int32], by isHeld: [Bool]) -> (kept: [Int32], held: [Int32]) {
        let heldTotal = indices.reduce(0) { $0 + (isHeld[Int($1)] ? 1 : 0) }
        var kept = [Int32](), held = [Int32]()
        kept.reserveCapacity(indices.count - heldTotal)
        held.reserveCapacity(heldTotal)
        isHeld.withUnsafeBufferPointer { isHeld in
            for index in indices {
                if isHeld[Int(index)] { held.append(index) } else { kept.append(index) }
            }
        }
        return (kept, held)
    }

    /// Sorts `indices` by (timestamp, index): a total order, so the result is unique.
    private static func sortByTime(_ indices: UnsafeMutableBufferPointer<Int32>, _ timestamps: UnsafeBufferPointer<Int64>) {
        var indices = indices
        indices.sort { (timestamps[Int($0)], $0) < (timestamps[Int($1)], $1) }
    }

    /// Calls `body` with each user's indices (ascending), users in dense order, each as a
    /// part of one buffer that `body` may reorder.
    private static func forEachUser(
        _ indices: [Int32], in ratings: RatingSet, _ body: (UnsafeMutableBufferPointer<Int32>) -> Void
    ) {
        ratings.users.withUnsafeBufferPointer { users in
            var userCount = 0
            for index in indices { userCount = max(userCount, Int(users[Int(index)]) + 1) }
            var starts = [Int](repeating: 0, count: userCount + 1)
            for index in indices { starts[Int(users[Int(index)]) + 1] += 1 }
            for user in 0..<userCount { starts[user + 1] += starts[user] }
            var grouped = [Int32](repeating: 0, count: indices.count)
            var next = starts
            for index in indices {
                let user = Int(users[Int(index)])
                grouped[next[user]] = index
                next[user] += 1
            }
            grouped.withUnsafeMutableBufferPointer { grouped in
                for user in 0..<userCount where starts[user + 1] > starts[user] {
                    body(UnsafeMutableBufferPointer(rebasing: grouped[starts[user]..<starts[user + 1]]))
                }
            }
        }
    }
}
