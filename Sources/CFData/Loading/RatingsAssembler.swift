import CFConfig

/// Builds dense, canonically ordered, duplicate-free ratings from raw ones.
enum RatingsAssembler {
    /// Ratings with the maps that give their dense ids.
    struct Assembled: Sendable {
        var ratings: RatingSet
        var users: IdMap
        var items: IdMap
        /// The dense item of each rating read, in file order (to find the line of a rating).
        var fileOrderItems: [Int32]
    }

    /// Maps ids (through new maps, or through `existingUsers`/`existingItems` when given),
    /// sorts by (user, item) and applies the duplicate policy.
    ///
    /// Each raw id column is freed once it is mapped. Ratings that are already in
    /// canonical order without repeats (a file sorted by user, then item, as MovieLens
    /// ships them) become the result as they are, without a sort or a copy.
    static func assemble(
        _ raw: consuming RawRatings, format: RatingsFormat, duplicates: DataConfig.DuplicatePolicy,
        existingUsers: IdMap? = nil, existingItems: IdMap? = nil
    ) throws -> Assembled {
        let (userMap, denseUsers) = try mapped(raw.users, existing: existingUsers, side: "user", raw: raw, format: format)
        raw.users = RawIdColumn()
        let (itemMap, denseItems) = try mapped(raw.items, existing: existingItems, side: "item", raw: raw, format: format)
        raw.items = RawIdColumn()
        if CanonicalOrder.isCanonical(users: denseUsers, items: denseItems) {
            let ratings = RatingSet(users: denseUsers, items: denseItems, ratings: raw.ratings, timestamps: raw.timestamps)
            return Assembled(ratings: ratings, users: userMap, items: itemMap, fileOrderItems: denseItems)
        }
        let order = CanonicalOrder.permutation(
            users: denseUsers, items: denseItems, userCount: userMap.count, itemCount: itemMap.count)
        var result = RatingSet()
        result.reserveCapacity(order.count)
        var position = 0
        while position < order.count {
            let first = Int(order[position])
            var last = first
            var next = position + 1
            while next < order.count, denseUsers[Int(order[next])] == denseUsers[first],
                  denseItems[Int(order[next])] == denseItems[first] {
                last = Int(order[next])
                next += 1
            }
            if next - position > 1, duplicates == .error {
                let second = Int(order[position + 1])
                throw DataError.duplicateRating(
                    path: raw.path,
                    line: RatingsFileReader.lineNumber(ofRecord: second, path: raw.path, format: format),
                    firstLine: RatingsFileReader.lineNumber(ofRecord: first, path: raw.path, format: format),
                    user: userMap.raw(denseUsers[first]), item: itemMap.raw(denseItems[first]))
            }
            result.append(user: denseUsers[last], item: denseItems[last], rating: raw.ratings[last], timestamp: raw.timestamps[last])
            position = next
        }
        return Assembled(ratings: result, users: userMap, items: itemMap, fileOrderItems: denseItems)
    }

    private static func mapped(
        _ column: RawIdColumn, existing: IdMap?, side: String, raw: RawRatings, format: RatingsFormat
    ) throws -> (IdMap, [Int32]) {
        guard let existing else { return DenseIds.encode(column) }
        switch DenseIds.lookup(column, in: existing) {
        case let .success(dense):
            return (existing, dense)
        case let .failure(unknown):
            let line = RatingsFileReader.lineNumber(ofRecord: unknown.index, path: raw.path, format: format)
            throw DataError.malformedLine(
                path: raw.path, line: line, reason: "\(side) id \(unknown.raw) does not occur in the main ratings file")
        }
    }
}
