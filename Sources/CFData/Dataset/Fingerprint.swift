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
    /// The lines are written from flat tables of the ids' bytes (no array per id, no
    /// retain per rating) into blocks of `blockSize` ratings; while one block is hashed,
    /// the next is written on a second thread. The bytes hashed, and so the digest, are
    /// those of one pass over the lines.
    public static func of(_ ratings: RatingSet, users: IdMap, items: IdMap) -> String {
        let order: [Int32] = CanonicalOrder.isCanonical(users: ratings.users, items: ratings.items)
            ? []
            : CanonicalOrder.permutation(
                users: ratings.users, items: ratings.items, userCount: users.count, itemCount: items.count)
        let lines = CanonicalLines(
            ratings: ratings, order: order, users: FlatText(users.rawIds), items: FlatText(items.rawIds))
        let progress = ProgressReport.phase("fingerprinting", total: ratings.count, unit: .count("ratings"))
        defer { progress.finish() }
        let blocks = ParallelLoop.ranges(ratings.count, pieces: (ratings.count + blockSize - 1) / blockSize)
        let capacity = blockSize * lines.longestLine
        let buffers = [UnsafeMutablePointer<UInt8>.allocate(capacity: capacity), .allocate(capacity: capacity)]
        defer { buffers.forEach { $0.deallocate() } }
        var hasher = Hasher256()
        var written = blocks.first.map { lines.write($0, to: buffers[0]) } ?? 0
        for (block, range) in blocks.enumerated() {
            let current = buffers[block % 2], next = buffers[1 - block % 2], count = written
            let hasNext = block + 1 < blocks.count
            var nextCount = 0
            ParallelLoop.run(hasNext ? 2 : 1, threads: 2) { piece in
                if piece == 0 {
                    hasher.update(bytes: UnsafeRawBufferPointer(start: current, count: count))
                } else {
                    nextCount = lines.write(blocks[block + 1], to: next)
                }
            }
            written = nextCount
            progress.update(done: range.upperBound)
        }
        return hasher.finalizeHex()
    }

    /// How many ratings one block of lines holds.
    static let blockSize = 1 << 17

    /// The canonical text of one rating value, as hashed.
    public static func ratingText(_ rating: Float) -> String {
        "\(rating)"
    }
}

/// The lines a fingerprint hashes, `user\titem\trating\n` in canonical order, written a block at a time.
private struct CanonicalLines {
    let ratings: RatingSet
    /// The canonical order of `ratings`, or empty when they are in it.
    let order: [Int32]
    let users: FlatText
    let items: FlatText

    init(ratings: RatingSet, order: [Int32], users: FlatText, items: FlatText) {
        self.ratings = ratings
        self.order = order
        self.users = users
        self.items = items
    }

    /// The most bytes of a rating's text: a Float's shortest round-trip text is at most 15.
    static let longestRatingText = 16

    /// The byte count of the longest line: both ids, a rating's text, two tabs and a newline.
    var longestLine: Int { users.longest + items.longest + Self.longestRatingText + 3 }

    /// Writes the lines of the ratings at canonical positions `positions` to `buffer`
    /// (room for `positions.count` longest lines) and returns the byte count written.
    func write(_ positions: Range<Int>, to buffer: UnsafeMutablePointer<UInt8>) -> Int {
        // The texts of the rating values met so far, by bit pattern (a handful).
        var ratingBits: [UInt32] = []
        var ratingTexts = FlatText([])
        var used = 0
        ratings.users.withUnsafeBufferPointer { userIds in
            ratings.items.withUnsafeBufferPointer { itemIds in
                ratings.ratings.withUnsafeBufferPointer { values in
                    order.withUnsafeBufferPointer { order in
                        let ordered = !order.isEmpty
                        for position in positions {
                            let index = ordered ? Int(order[position]) : position
                            let bits = values[index].bitPattern
                            var text = ratingBits.firstIndex(of: bits) ?? -1
                            if text < 0 {
                                ratingBits.append(bits)
                                ratingTexts.append(Fingerprint.ratingText(values[index]))
                                precondition(ratingTexts.longest <= Self.longestRatingText, "a rating's text is longer than a Float's")
                                text = ratingBits.count - 1
                            }
                            used = users.copy(Int(userIds[index]), to: buffer, at: used)
                            buffer[used] = 0x09
                            used = items.copy(Int(itemIds[index]), to: buffer, at: used + 1)
                            buffer[used] = 0x09
                            used = ratingTexts.copy(text, to: buffer, at: used + 1)
                            buffer[used] = 0x0a
                            used += 1
                        }
                    }
                }
            }
        }
        return used
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
