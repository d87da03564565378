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
    public static func of(_ ratings: RatingSet, users: IdMap, items: IdMap) -> String {
        let order: [Int32]? = CanonicalOrder.isCanonical(users: ratings.users, items: ratings.items)
            ? nil
            : CanonicalOrder.permutation(
                users: ratings.users, items: ratings.items, userCount: users.count, itemCount: items.count)
        let userBytes = users.rawIds.map { Array($0.utf8) }
        let itemBytes = items.rawIds.map { Array($0.utf8) }
        var cache = RatingTextCache()
        var hasher = Hasher256()
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 20)
        let progress = ProgressReport.phase("fingerprinting", total: ratings.count, unit: .count("ratings"))
        defer { progress.finish() }
        for position in 0..<ratings.count {
            let index = order.map { Int($0[position]) } ?? position
            buffer.append(contentsOf: userBytes[Int(ratings.users[index])])
            buffer.append(0x09)
            buffer.append(contentsOf: itemBytes[Int(ratings.items[index])])
            buffer.append(0x09)
            buffer.append(contentsOf: cache.text(ratings.ratings[index]))
            buffer.append(0x0a)
            if buffer.count >= (1 << 20) - 64 {
                buffer.withUnsafeBytes { hasher.update(bytes: $0) }
                buffer.removeAll(keepingCapacity: true)
                progress.update(done: position)
            }
        }
        buffer.withUnsafeBytes { hasher.update(bytes: $0) }
        return hasher.finalizeHex()
    }

    /// The canonical text of one rating value, as hashed.
    public static func ratingText(_ rating: Float) -> String {
        "\(rating)"
    }
}

/// Remembers the text of the few distinct rating values a dataset has.
private struct RatingTextCache {
    private var values: [UInt32] = []
    private var texts: [[UInt8]] = []

    mutating func text(_ rating: Float) -> [UInt8] {
        let bits = rating.bitPattern
        if let index = values.firstIndex(of: bits) { return texts[index] }
        let text = Array(Fingerprint.ratingText(rating).utf8)
        if values.count < 64 {
            values.append(bits)
            texts.append(text)
        }
        return text
    }
}
