extension TableRenderer {
    /// Title, header, an optional rule of dashes, rows and remarks, in columns padded to
    /// their widest cell (at least the column's `width`) and two spaces apart.
    func aligned(_ table: Table) -> [String] {
        let cells = table.rows.map { humanCells(table, $0).map(Escaping.terminal) }
        let widths = columnWidths(table, cells: cells)
        var lines = table.title.map { [Escaping.terminal($0)] } ?? []
        lines.append(alignedLine(table.columns.map { Escaping.terminal($0.title) }, table: table, widths: widths))
        if table.underlinesHeader {
            lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        }
        for (index, row) in cells.enumerated() {
            let line = alignedLine(row, table: table, widths: widths)
            lines.append(highlightsBest && index == table.bestRow ? "\u{1B}[1;32m" + line + "\u{1B}[0m" : line)
        }
        if !table.remarks.isEmpty { lines += [""] + table.remarks.map(Escaping.terminal) }
        return lines
    }

    /// The header of a table printed one row at a time, its widths from titles and `width`s.
    public func streamedHeader(_ table: Table) -> String {
        alignedLine(table.columns.map { Escaping.terminal($0.title) }, table: table, widths: columnWidths(table, cells: []))
    }

    /// One row of a table printed one row at a time, lined up under `streamedHeader`.
    public func streamedLine(_ row: [TableCell], of table: Table) -> String {
        alignedLine(humanCells(table, row).map(Escaping.terminal), table: table, widths: columnWidths(table, cells: []))
    }

    private func columnWidths(_ table: Table, cells: [[String]]) -> [Int] {
        table.columns.indices.map { column in
            cells.reduce(max(table.columns[column].width, Escaping.terminal(table.columns[column].title).count)) { max($0, $1[column].count) }
        }
    }

    private func alignedLine(_ cells: [String], table: Table, widths: [Int]) -> String {
        var line = zip(cells, widths).enumerated().map { column, pair in
            let padding = String(repeating: " ", count: max(0, pair.1 - pair.0.count))
            return table.alignsRight(column) ? padding + pair.0 : pair.0 + padding
        }.joined(separator: "  ")
        while line.last == " " { line.removeLast() }
        return line
    }
}
