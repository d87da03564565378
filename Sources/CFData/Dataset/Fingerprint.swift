import CFCore

/// The content hash of a ratings dataset, independent of file order and file format.
///
/// It is the SHA-256 of one line per rating, `user\titem\trating\n`, where `user` and
/// `item` are the raw ids as in the file (integers without leading zeros or sign `+`),
/// `rating` is Swift's shortest round-trip text of the Float (`4.0`, `3.5`), and lines
/// are sorted by (raw user, raw item), numerically when the ids are integers.
/// Timestamps are deliberately excluded: the fingerprint names what a model learns
/// from; a temporal split's dependence on timestamps is captured by the split's own
/// fingerprint, which hashes its membership.
public enum Fingerprint {
    /// The fingerprint of ratings given in the dense ids of `users` and `items`.
    ///
    /// The lines are written into one buffer from flat tables of the ids' bytes (no
    /// array per id, no retain per rating) and hashed a megabyte at a time.
    public static func of(_ ratings: RatingSet, users: IdMap, items: IdMap) -> String {
        let order: [Int32] = CanonicalOrder.isCanonical(users: ratings.users, items: ratings.items)
            ? []
            : CanonicalOrder.permutation(
                users: ratings.users, items: ratings.items, userCount: users.count, itemCount: items.count)
        let userText = FlatText(users.rawIds)
        let itemText = FlatText(items.rawIds)
        var ratingText = FlatText([])
        var ratingBits: [UInt32] = []
        var hasher = Hasher256()
        let progress = ProgressReport.phase("fingerprinting", total: ratings.count, unit: .count("ratings"))
        defer { progress.finish() }
        // Room for several of the longest lines: both ids, a rating's text (a Float's
        // shortest text is at most 15 bytes), two tabs and a newline.
        let capacity = max(1 << 20, 4 * (userText.longest + itemText.longest + 64))
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var used = 0
        ratings.users.withUnsafeBufferPointer { userIds in
            ratings.items.withUnsafeBufferPointer { itemIds in
                ratings.ratings.withUnsafeBufferPointer { values in
                    order.withUnsafeBufferPointer { order in
                        let ordered = !order.isEmpty
                        for position in 0..<values.count {
                            let index = ordered ? Int(order[position]) : position
                            let user = Int(userIds[index]), item = Int(itemIds[index])
                            let bits = values[index].bitPattern
                            var text = ratingBits.firstIndex(of: bits) ?? -1
                            if text < 0 {
                                ratingBits.append(bits)
                                ratingText.append(Fingerprint.ratingText(values[index]))
                                text = ratingBits.count - 1
                            }
                            let length = userText.length(user) + itemText.length(item) + ratingText.length(text) + 3
                            if used + length > capacity {
                                hasher.update(bytes: UnsafeRawBufferPointer(start: buffer, count: used))
                                used = 0
                                progress.update(done: position)
                            }
                            used = userText.copy(user, to: buffer, at: used)
                            buffer[used] = 0x09
                            used = itemText.copy(item, to: buffer, at: used + 1)
                            buffer[used] = 0x09
                            used = ratingText.copy(text, to: buffer, at: used + 1)
                            buffer[used] = 0x0a
                            used += 1
                        }
                    }
                }
            }
        }
        hasher.update(bytes: UnsafeRawBufferPointer(start: buffer, count: used))
        return hasher.finalizeHex()
    }

    /// The canonical text of one rating value, as hashed.
    public static func ratingText(_ rating: Float) -> String {
        "\(rating)"
    }
}

/// The UTF-8 bytes of many strings in one array, string `i` at `starts[i]..<starts[i + 1]`.
private struct FlatText {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]
    private(set) var longest = 0

    init(_ texts: [String]) {
        for text in texts { append(text) }
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        longest = max(longest, bytes.count - starts[starts.count - 1])
        starts.append(bytes.count)
    }

    /// The byte count of string `index`.
    @inline(__always)
    func length(_ index: Int) -> Int { starts[index + 1] - starts[index] }

    /// Copies string `index` to `buffer + offset` and returns the offset after it.
    @inline(__always)
    func copy(_ index: Int, to buffer: UnsafeMutablePointer<UInt8>, at offset: Int) -> Int {
        let start = starts[index], count = starts[index + 1] - start
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { (buffer + offset).update(from: base + start, count: count) }
        }
        return offset + count
    }
}
