/// Turns raw id columns into dense ids through sorted `IdMap`s.
enum DenseIds {
    /// Builds the map of a column and the dense id of each of its entries.
    static func encode(_ column: RawIdColumn) -> (map: IdMap, dense: [Int32]) {
        if let texts = column.texts {
            let map = IdMap(rawIds: texts)
            return (map, texts.map { map.dense($0) ?? -1 })
        }
        let values = column.integers
        guard let low = values.min(), let high = values.max() else { return (IdMap(sortedRawIds: []), []) }
        let span = high.subtractingReportingOverflow(low)
        if !span.overflow, span.partialValue < Int64(max(1 << 22, 4 * values.count)) {
            return encodeByTable(values, low: low, span: Int(span.partialValue))
        }
        let sorted = Array(Set(values)).sorted()
        var lookup = [Int64: Int32](minimumCapacity: sorted.count)
        for (index, value) in sorted.enumerated() { lookup[value] = Int32(index) }
        return (IdMap(sortedRawIds: sorted.map { String($0) }), values.map { lookup[$0] ?? -1 })
    }

    /// Dense ids through a direct table, for ids within a compact range (every MovieLens release).
    private static func encodeByTable(_ values: [Int64], low: Int64, span: Int) -> (map: IdMap, dense: [Int32]) {
        var table = [Int32](repeating: -1, count: span + 1)
        for value in values { table[Int(value - low)] = 0 }
        var sorted: [String] = []
        var next: Int32 = 0
        for offset in 0..<table.count where table[offset] >= 0 {
            table[offset] = next
            sorted.append(String(low + Int64(offset)))
            next += 1
        }
        let dense = values.map { table[Int($0 - low)] }
        return (IdMap(sortedRawIds: sorted), dense)
    }

    /// Dense ids of a column in an existing map; returns the index of the first unknown id on failure.
    static func lookup(_ column: RawIdColumn, in map: IdMap) -> Result<[Int32], UnknownId> {
        var dense = [Int32]()
        dense.reserveCapacity(column.count)
        for index in 0..<column.count {
            let raw = column.texts?[index] ?? String(column.integers[index])
            guard let id = map.dense(raw) else { return .failure(UnknownId(index: index, raw: raw)) }
            dense.append(id)
        }
        return .success(dense)
    }

    /// An id that a map does not know, at entry `index` of its column.
    struct UnknownId: Error {
        var index: Int
        var raw: String
    }
}
