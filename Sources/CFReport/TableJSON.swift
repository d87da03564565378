import CFCore

/// The JSON form of a comparison table: title, columns, one object per row, best row, remarks.
enum TableJSON {
    /// The table as JSON text, one row object per line.
    static func render(_ table: ComparisonTable) -> String {
        guard case let .object(pairs) = value(of: table) else { return "{}\n" }
        let fields = pairs.map { key, value -> String in
            let name = JSONValue.string(key).compact
            if key == "rows", let rows = value.arrayValue, !rows.isEmpty {
                return "  \(name): [\n" + rows.map { "    " + $0.compact }.joined(separator: ",\n") + "\n  ]"
            }
            return "  \(name): \(value.compact)"
        }
        return "{\n" + fields.joined(separator: ",\n") + "\n}\n"
    }

    static func value(of table: ComparisonTable) -> JSONValue {
        let rows = table.rows.enumerated().map { index, row -> JSONValue in
            var pairs: [(String, JSONValue)] = zip(table.columns, row).map { column, cell in (column.title, json(cell)) }
            pairs.append(("is_best", .bool(index == table.bestRow)))
            return .object(pairs)
        }
        return .object([
            ("title", .string(table.title)),
            ("columns", .array(table.columns.map { .string($0.title) })),
            ("rows", .array(rows)),
            ("remarks", .array(table.remarks.map(JSONValue.string))),
        ])
    }

    private static func json(_ cell: ComparisonTable.Cell) -> JSONValue {
        switch cell {
        case let .text(text): return .string(text)
        case let .number(value, decimals): return number(value, decimals: decimals)
        case let .summary(mean, deviation, decimals):
            return .object([("mean", number(mean, decimals: decimals)), ("std", number(deviation, decimals: decimals))])
        }
    }

    private static func number(_ value: Double?, decimals: Int) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return decimals == 0 ? .int(Int64(value.rounded())) : .double(value)
    }
}
