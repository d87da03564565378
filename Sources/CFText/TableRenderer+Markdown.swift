extension TableRenderer {
    /// A bold title, a pipe table (right-aligned columns `---:`), the best row in bold, remarks.
    func markdown(_ table: Table) -> [String] {
        func line(_ cells: [String]) -> String {
            "| " + cells.joined(separator: " | ") + " |"
        }
        var lines = table.title.map { ["**\(Escaping.markdown($0))**", ""] } ?? []
        lines.append(line(table.columns.map { Escaping.markdown($0.title) }))
        lines.append("|" + table.columns.indices.map { table.alignsRight($0) ? "---:|" : "---|" }.joined())
        for (index, row) in table.rows.enumerated() {
            lines.append(line(humanCells(table, row).map { cell in
                let text = Escaping.markdown(cell)
                return index == table.bestRow && !text.isEmpty ? "**\(text)**" : text
            }))
        }
        if !table.remarks.isEmpty { lines += [""] + table.remarks.map(Escaping.markdown) }
        return lines
    }
}
