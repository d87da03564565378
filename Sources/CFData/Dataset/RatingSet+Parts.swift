import CFCore
import Foundation

extension RatingSet {
    /// The ratings at each list of `indices` (each list in any order, every index in
    /// 0..<count), built column by column on up to `threads` threads.
    ///
    /// With `releasing`, each column of `self` is emptied as soon as every part has its
    /// share, and `self` ends empty: the parts then never need much more memory than the
    /// ratings once (when nothing else holds the columns). The parts are the same either way.
    mutating func parts(at indices: [[Int32]], releasing: Bool, threads: Int) -> [RatingSet] {
        let partUsers = indices.map { Self.gathered(users, at: $0, threads: threads) }
        if releasing { users = [] }
        let partItems = indices.map { Self.gathered(items, at: $0, threads: threads) }
        if releasing { items = [] }
        let partRatings = indices.map { Self.gathered(ratings, at: $0, threads: threads) }
        if releasing { ratings = [] }
        let keepsTimestamps = hasTimestamps
        let partTimestamps = indices.map { keepsTimestamps ? Self.gathered(timestamps, at: $0, threads: threads) : [] }
        if releasing { timestamps = [] }
        return indices.indices.map { part in
            var set = RatingSet(users: partUsers[part], items: partItems[part], ratings: partRatings[part], timestamps: partTimestamps[part])
            if !keepsTimestamps { set.releaseTimestamps() }
            return set
        }
    }

    /// The ratings at `indices`, in that order: `subset` for a list of `Int32` indices.
    func subset(_ indices: [Int32]) -> RatingSet {
        var copy = self
        return copy.parts(at: [indices], releasing: false, threads: 1)[0]
    }

    /// The elements at `indices`, in that order, gathered in pieces on up to `threads` threads.
    private static func gathered<Element>(_ column: [Element], at indices: [Int32], threads: Int) -> [Element] {
        let pieces = ParallelLoop.ranges(indices.count, pieces: threads > 1 ? (indices.count + (1 << 20) - 1) >> 20 : 1)
        return column.withUnsafeBufferPointer { source in
            indices.withUnsafeBufferPointer { indices in
                [Element](unsafeUninitializedCapacity: indices.count) { output, initialized in
                    if let base = output.baseAddress {
                        let target = SharedPointer(base)
                        ParallelLoop.run(pieces.count, threads: threads) { piece in
                            for position in pieces[piece] {
                                (target.base + position).initialize(to: source[Int(indices[position])])
                            }
                        }
                    }
                    initialized = indices.count
                }
            }
        }
    }
}

extension RatingSet {
    /// The ratings of two parts of one canonical order, merged back into that order by
    /// (user, item): `split.refit`'s training part, train and validation as one.
    /// Pairs that compare equal (a dataset holds each pair once) keep `first`'s before `second`'s.
    static func merged(_ first: RatingSet, _ second: RatingSet) -> RatingSet {
        var out = RatingSet()
        if !(first.hasTimestamps && second.hasTimestamps) { out.releaseTimestamps() }
        out.reserveCapacity(first.count + second.count)
        var (left, right) = (0, 0)
        func takeLeft() -> Bool {
            guard left < first.count else { return false }
            guard right < second.count else { return true }
            return (first.users[left], first.items[left]) <= (second.users[right], second.items[right])
        }
        while left < first.count || right < second.count {
            if takeLeft() {
                out.append(user: first.users[left], item: first.items[left], rating: first.ratings[left], timestamp: first.timestamp(at: left))
                left += 1
            } else {
                out.append(user: second.users[right], item: second.items[right], rating: second.ratings[right], timestamp: second.timestamp(at: right))
                right += 1
            }
        }
        return out
    }
}
