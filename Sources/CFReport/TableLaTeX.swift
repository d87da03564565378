/// The LaTeX form of a comparison table: a `tabular` with the best row in bold.
enum TableLaTeX {
    static func render(_ table: ComparisonTable) -> String {
        let alignment = table.columns.map { $0.isNumeric ? "r" : "l" }.joined()
        var lines = [
            "% \(escape(table.title))",
            "\\begin{tabular}{\(alignment)}",
            "\\hline",
            table.columns.map { escape($0.title) }.joined(separator: " & ") + " \\\\",
            "\\hline",
        ]
        for (index, row) in table.rows.enumerated() {
            let cells = row.map { cell -> String in
                let text = escape(cell.text(plusMinus: "\u{0}"))
                    .replacingOccurrences(of: "\u{0}", with: "$\\pm$")
                return index == table.bestRow && !text.isEmpty ? "\\textbf{\(text)}" : text
            }
            lines.append(cells.joined(separator: " & ") + " \\\\")
        }
        lines += ["\\hline", "\\end{tabular}"]
        lines += table.remarks.map { "% " + escape($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text with LaTeX's special characters escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\\(character)"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
