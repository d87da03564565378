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

    /// Splits `indices` (ascending) into kept and held parts, both ascending.
    static func apply(
        _ rule: Rule, to indices: [Int], in ratings: RatingSet, using rng: inout Xoshiro256StarStar
    ) -> (kept: [Int], held: [Int]) {
        var isHeld = [Bool](repeating: false, count: ratings.count)
        switch rule {
        case let .random(fraction):
            var shuffled = indices
            rng.shuffle(&shuffled)
            for index in shuffled.prefix(heldCount(fraction, of: indices.count)) { isHeld[index] = true }
        case let .fold(count, foldIndex):
            var shuffled = indices
            rng.shuffle(&shuffled)
            for (position, index) in shuffled.enumerated() where position % count == foldIndex { isHeld[index] = true }
        case let .perUser(fraction):
            forEachUser(indices, in: ratings) { segment in
                let count = segment.count
                guard count >= 2, fraction > 0 else { return }
                let held = min(count - 1, max(1, Int((fraction * Double(count)).rounded())))
                for position in 0..<held {
                    segment.swapAt(position, position + rng.nextInt(below: count - position))
                    isHeld[segment[position]] = true
                }
            }
        case let .latest(fraction):
            let ordered = indices.sorted { (ratings.timestamps[$0], $0) < (ratings.timestamps[$1], $1) }
            for index in ordered.suffix(heldCount(fraction, of: indices.count)) { isHeld[index] = true }
        case let .lastPerUser(count):
            forEachUser(indices, in: ratings) { segment in
                segment.sort { (ratings.timestamps[$0], $0) < (ratings.timestamps[$1], $1) }
                for index in segment.suffix(min(count, segment.count - 1)) { isHeld[index] = true }
            }
        }
        var kept: [Int] = []
        var held: [Int] = []
        kept.reserveCapacity(indices.count)
        for index in indices {
            if isHeld[index] { held.append(index) } else { kept.append(index) }
        }
        return (kept, held)
    }

    /// round(fraction·count), half away from zero, at most count.
    static func heldCount(_ fraction: Double, of count: Int) -> Int {
        min(count, max(0, Int((fraction * Double(count)).rounded())))
    }

    /// Calls `body` with each user's indices (ascending), users in dense order.
    private static func forEachUser(_ indices: [Int], in ratings: RatingSet, _ body: (inout [Int]) -> Void) {
        let userCount = Int(indices.lazy.map { ratings.users[$0] }.max() ?? -1) + 1
        var starts = [Int](repeating: 0, count: userCount + 1)
        for index in indices { starts[Int(ratings.users[index]) + 1] += 1 }
        for user in 0..<userCount { starts[user + 1] += starts[user] }
        var grouped = [Int](repeating: 0, count: indices.count)
        var next = starts
        for index in indices {
            let user = Int(ratings.users[index])
            grouped[next[user]] = index
            next[user] += 1
        }
        for user in 0..<userCount where starts[user + 1] > starts[user] {
            var segment = Array(grouped[starts[user]..<starts[user + 1]])
            body(&segment)
        }
    }
}
