/// The best `capacity` (item, score) pairs of a stream, kept in a bounded heap.
///
/// A pair ranks before another when its score is higher, or, on equal scores, when its
/// item id is lower; a NaN score counts as −∞. The heap's root is the worst pair kept, so
/// offering n pairs costs O(n log K) and never allocates after `init`. The result
/// depends only on the pairs offered, never on their order.
public struct TopKSelector {
    /// The most pairs kept.
    public let capacity: Int
    /// The number of pairs kept so far.
    public private(set) var count = 0
    private var items: [Int32]
    private var scores: [Float]

    public init(capacity: Int) {
        precondition(capacity >= 0, "capacity must not be negative")
        self.capacity = capacity
        items = [Int32](repeating: 0, count: capacity)
        scores = [Float](repeating: 0, count: capacity)
    }

    /// Whether (firstItem, firstScore) ranks before (secondItem, secondScore).
    @inline(__always)
    public static func ranksBefore(_ firstItem: Int32, _ firstScore: Float, _ secondItem: Int32, _ secondScore: Float) -> Bool {
        firstScore > secondScore || (firstScore == secondScore && firstItem < secondItem)
    }

    /// A score below which no pair is kept any more: −∞ until `capacity` pairs are kept,
    /// then the worst kept score (+∞ when `capacity` is 0). A caller may skip every pair
    /// scored below it without changing the result, since the worst kept pair only gets
    /// better; pairs at or above it (and NaN ones) must still go through `offer`.
    public var admissionThreshold: Float {
        guard capacity > 0 else { return .infinity }
        return count < capacity ? -.infinity : scores[0]
    }

    /// Forgets every pair kept, keeping the storage.
    public mutating func removeAll() {
        count = 0
    }

    /// Keeps `item` if it ranks among the best `capacity` pairs offered so far.
    @inline(__always)
    public mutating func offer(item: Int32, score: Float) {
        let score = score.isNaN ? -Float.infinity : score
        if count < capacity {
            items[count] = item
            scores[count] = score
            count += 1
            siftUp(from: count - 1)
        } else if capacity > 0, Self.ranksBefore(item, score, items[0], scores[0]) {
            items[0] = item
            scores[0] = score
            siftDown(from: 0)
        }
    }

    /// Moves the kept pairs, best first, into the front of `rankedItems` and
    /// `rankedScores` (each at least `count` long), empties the selector and returns how
    /// many there were.
    public mutating func drain(into rankedItems: inout [Int32], scores rankedScores: inout [Float]) -> Int {
        let total = count
        precondition(rankedItems.count >= total && rankedScores.count >= total, "drain: buffers too short")
        while count > 0 {
            rankedItems[count - 1] = items[0]
            rankedScores[count - 1] = scores[0]
            count -= 1
            items[0] = items[count]
            scores[0] = scores[count]
            siftDown(from: 0)
        }
        return total
    }

    /// The kept pairs, best first, leaving the selector empty (an allocating convenience).
    public mutating func drainRanked() -> [(item: Int32, score: Float)] {
        var rankedItems = [Int32](repeating: 0, count: count)
        var rankedScores = [Float](repeating: 0, count: count)
        let total = drain(into: &rankedItems, scores: &rankedScores)
        return (0..<total).map { (rankedItems[$0], rankedScores[$0]) }
    }

    /// Whether the pair at `first` is worse than the one at `second` (belongs nearer the root).
    @inline(__always)
    private func isWorse(_ first: Int, than second: Int) -> Bool {
        Self.ranksBefore(items[second], scores[second], items[first], scores[first])
    }

    private mutating func siftUp(from start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard isWorse(child, than: parent) else { return }
            items.swapAt(child, parent)
            scores.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            let right = left + 1
            let worstChild = right < count && isWorse(right, than: left) ? right : left
            guard isWorse(worstChild, than: parent) else { return }
            items.swapAt(worstChild, parent)
            scores.swapAt(worstChild, parent)
            parent = worstChild
        }
    }
}
