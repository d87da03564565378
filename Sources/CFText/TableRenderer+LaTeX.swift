import Foundation

extension TableRenderer {
    /// The title as a comment, a `tabular` (`l`/`r` columns), the best row in bold, remarks as comments.
    func latex(_ table: Table) -> [String] {
        let alignment = table.columns.indices.map { table.alignsRight($0) ? "r" : "l" }.joined()
        var lines = table.title.map { ["% " + Escaping.latex($0)] } ?? []
        lines += [
            "\\begin{tabular}{\(alignment)}",
            "\\hline",
            table.columns.map { Escaping.latex($0.title) }.joined(separator: " & ") + " \\\\",
            "\\hline",
        ]
        for (index, row) in table.rows.enumerated() {
            let cells = zip(humanCells(table, row), table.columns.indices).map { text, column -> String in
                var cell = Escaping.latex(text)
                if table.cell(row, column).isSummary { cell = cell.replacingOccurrences(of: " ± ", with: " $\\pm$ ") }
                return index == table.bestRow && !cell.isEmpty ? "\\textbf{\(cell)}" : cell
            }
            lines.append(cells.joined(separator: " & ") + " \\\\")
        }
        lines += ["\\hline", "\\end{tabular}"]
        lines += table.remarks.map { "% " + Escaping.latex($0) }
        return lines
    }
}
