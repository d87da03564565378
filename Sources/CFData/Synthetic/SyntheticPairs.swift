import Foundation
import CFCore

/// Draws distinct (user, item) pairs, packed as user << 32 | item, in canonical order.
enum SyntheticPairs {
    /// `count` distinct pairs (fewer only when users·items is smaller): first a pass that
    /// gives every user and item one pair, then pairs drawn by Zipf weights, with
    /// rejection of repeats; when repeats dominate, the remaining pairs are enumerated.
    static func draw(users: Int, items: Int, count: Int, exponent: Double, using rng: inout Xoshiro256StarStar) -> [UInt64] {
        let target = min(count, users * items)
        var userOrder = Array(0..<users)
        var itemOrder = Array(0..<items)
        rng.shuffle(&userOrder)
        rng.shuffle(&itemOrder)
        var chosen = Set<UInt64>(minimumCapacity: target)
        func key(_ user: Int, _ item: Int) -> UInt64 { UInt64(user) << 32 | UInt64(item) }
        // Coverage: position k pairs the k-th user and item of shuffled orders (distinct since k < max(users, items)).
        for position in 0..<min(target, max(users, items)) {
            chosen.insert(key(userOrder[position % users], itemOrder[position % items]))
        }
        let userWeights = cumulativeZipf(count: users, exponent: exponent)
        let itemWeights = cumulativeZipf(count: items, exponent: exponent)
        var rejections = 0
        let progress = ProgressReport.phase("drawing synthetic pairs", total: target, unit: .count("ratings"))
        defer { progress.finish() }
        while chosen.count < target, rejections < 20 * target + 1000 {
            let user = userOrder[sample(userWeights, using: &rng)]
            let item = itemOrder[sample(itemWeights, using: &rng)]
            if !chosen.insert(key(user, item)).inserted {
                rejections += 1
            } else if chosen.count & 0xFFFF == 0 {
                progress.update(done: chosen.count)
            }
        }
        if chosen.count < target {
            var remaining: [UInt64] = []
            for user in 0..<users {
                for item in 0..<items where !chosen.contains(key(user, item)) { remaining.append(key(user, item)) }
            }
            rng.shuffle(&remaining)
            for pair in remaining.prefix(target - chosen.count) { chosen.insert(pair) }
        }
        return chosen.sorted()
    }

    /// Cumulative weights 1/(k+1)^exponent, normalised to end at 1.
    static func cumulativeZipf(count: Int, exponent: Double) -> [Double] {
        var total = 0.0
        var cumulative = [Double]()
        cumulative.reserveCapacity(count)
        for rank in 0..<count {
            total += 1 / pow(Double(rank + 1), exponent)
            cumulative.append(total)
        }
        return cumulative.map { $0 / total }
    }

    /// The first index whose cumulative weight exceeds a uniform draw (binary search).
    static func sample(_ cumulative: [Double], using rng: inout Xoshiro256StarStar) -> Int {
        let draw = rng.nextDouble()
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > draw { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
