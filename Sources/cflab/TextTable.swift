/// A table of text cells rendered as aligned columns, Markdown or CSV (RFC 4180).
struct TextTable {
    enum Style: String, CaseIterable {
        case table, markdown, csv
    }

    var headers: [String]
    var rows: [[String]] = []

    init(headers: [String]) {
        self.headers = headers
    }

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines (no trailing newline).
    func render(_ style: Style) -> String {
        switch style {
        case .table: return aligned()
        case .markdown: return markdown()
        case .csv: return ([headers] + rows).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n")
        }
    }

    /// Columns padded to their widest cell; columns whose cells all look numeric align right.
    private func aligned() -> String {
        let widths = headers.indices.map { column in
            ([headers] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        let numeric = headers.indices.map { column in
            !rows.isEmpty && rows.allSatisfy { row in
                guard row.indices.contains(column) else { return true }
                return row[column] == "-" || Double(row[column]) != nil
            }
        }
        func line(_ cells: [String]) -> String {
            headers.indices.map { column -> String in
                let cell = cells.indices.contains(column) ? cells[column] : ""
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return numeric[column] ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(headers)] + rows.map(line)).joined(separator: "\n")
    }

    private func markdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        return ([line(headers), "|" + headers.map { _ in "---|" }.joined()] + rows.map(line)).joined(separator: "\n")
    }

    /// A CSV field: quoted when it holds a comma, quote, CR or LF, with quotes doubled.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
