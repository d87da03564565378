import CFCore

/// Renders a `ComparisonTable` as text in one `TableFormat`.
public struct TableRenderer: Sendable {
    public let format: TableFormat
    /// Highlight the best row with ANSI bold and green (terminal tables only).
    public let highlight: Bool

    public init(format: TableFormat, highlight: Bool = false) {
        self.format = format
        self.highlight = highlight
    }

    /// The whole output, ending with a newline.
    public func render(_ table: ComparisonTable) -> String {
        switch format {
        case .table: return aligned(table)
        case .markdown: return markdown(table)
        case .csv: return csv(table)
        case .json: return TableJSON.render(table)
        case .latex: return TableLaTeX.render(table)
        }
    }

    private func aligned(_ table: ComparisonTable) -> String {
        let cells = table.rows.map { $0.map { $0.text() } }
        let headers = table.columns.map(\.title)
        let widths = headers.indices.map { column in
            ([headers] + cells).map { $0[column].count }.max() ?? 0
        }
        func line(_ row: [String]) -> String {
            row.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return table.columns[column].isNumeric ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [table.title, line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        for (index, row) in cells.enumerated() {
            let text = line(row)
            lines.append(highlight && index == table.bestRow ? "\u{1B}[1;32m" + text + "\u{1B}[0m" : text)
        }
        lines += table.remarks.isEmpty ? [] : [""] + table.remarks
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdown(_ table: ComparisonTable) -> String {
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                if "|\\*_`<>".contains(character) { out.append("\\") }
                out.append(character)
            }
            return out
        }
        var lines = [
            "| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |",
            "|" + table.columns.map { $0.isNumeric ? "---:|" : "---|" }.joined(),
        ]
        for (index, row) in table.rows.enumerated() {
            let cells = row.map { cell -> String in
                let text = escape(cell.text())
                return index == table.bestRow && !text.isEmpty ? "**\(text)**" : text
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        var header = ["**\(escape(table.title))**", ""]
        header += lines
        if !table.remarks.isEmpty { header += [""] + table.remarks.map(escape) }
        return header.joined(separator: "\n") + "\n"
    }

    private func csv(_ table: ComparisonTable) -> String {
        var headers: [String] = []
        for (column, spec) in table.columns.enumerated() {
            headers.append(spec.title)
            if table.rows.contains(where: { if case .summary = $0[column] { return true } else { return false } }) {
                headers.append(spec.title + " std")
            }
        }
        var lines = [headers.map(Self.csvField).joined(separator: ",")]
        for row in table.rows {
            var fields: [String] = []
            for cell in row {
                switch cell {
                case let .summary(mean, deviation, decimals):
                    fields += [NumberText.fixed(mean, decimals: decimals), NumberText.fixed(deviation, decimals: decimals)]
                default:
                    fields.append(cell.text())
                }
            }
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A CSV field, quoted when it holds a comma, quote, CR or LF (quotes doubled).
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    /// The string without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
