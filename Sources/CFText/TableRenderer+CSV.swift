extension TableRenderer {
    /// A header of column keys, then one record per row, every value in full (RFC 4180).
    ///
    /// A column holding any summary cell takes two fields, `<key>` and `<key> std`.
    func csv(_ table: Table) -> [String] {
        let split = table.columns.indices.map { column in table.rows.contains { table.cell($0, column).isSummary } }
        var header: [String] = []
        for (column, spec) in table.columns.enumerated() {
            header.append(spec.key)
            if split[column] { header.append(spec.key + " std") }
        }
        var lines = [header.map(Escaping.csvField).joined(separator: ",")]
        for row in table.rows {
            var fields: [String] = []
            for column in table.columns.indices {
                let cell = table.cell(row, column).csvFields
                fields += split[column] ? (cell + [""]).prefix(2) : cell.prefix(1)
            }
            lines.append(fields.map(Escaping.csvField).joined(separator: ","))
        }
        return lines
    }
}
