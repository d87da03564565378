/// The canonical order of ratings: by dense user, then dense item, then position.
///
/// Dense ids follow the sorted raw ids, so this is also the order by (raw user, raw
/// item): the order datasets are stored in and fingerprinted in, whatever the file order.
enum CanonicalOrder {
    /// The permutation that sorts the ratings, by two stable counting sorts (item, then user).
    static func permutation(users: [Int32], items: [Int32], userCount: Int, itemCount: Int) -> [Int32] {
        let byItem = countingSort(keys: items, keyCount: itemCount, order: nil)
        return countingSort(keys: users, keyCount: userCount, order: byItem)
    }

    /// Whether the pairs are already strictly increasing by (user, item).
    static func isCanonical(users: [Int32], items: [Int32]) -> Bool {
        var index = 1
        while index < users.count {
            let previousUser = users[index - 1]
            let user = users[index]
            if user < previousUser || (user == previousUser && items[index] <= items[index - 1]) { return false }
            index += 1
        }
        return true
    }

    /// A stable sort of `order` (or of 0..<n) by `keys`, each key in 0..<keyCount.
    static func countingSort(keys: [Int32], keyCount: Int, order: [Int32]?) -> [Int32] {
        var starts = [Int](repeating: 0, count: keyCount + 1)
        for key in keys { starts[Int(key) + 1] += 1 }
        for index in 0..<keyCount { starts[index + 1] += starts[index] }
        var sorted = [Int32](repeating: 0, count: keys.count)
        sorted.withUnsafeMutableBufferPointer { out in
            starts.withUnsafeMutableBufferPointer { next in
                keys.withUnsafeBufferPointer { keyBuffer in
                    if let order {
                        for position in order {
                            let key = Int(keyBuffer[Int(position)])
                            out[next[key]] = position
                            next[key] += 1
                        }
                    } else {
                        for position in 0..<keyBuffer.count {
                            let key = Int(keyBuffer[position])
                            out[next[key]] = Int32(position)
                            next[key] += 1
                        }
                    }
                }
            }
        }
        return sorted
    }
}
