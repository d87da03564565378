import CFText

/// HTML escaping for text and attribute values.
public enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A table as HTML: header cells, then rows, the best row with class `best`.
    static func table(_ table: Table) -> String {
        var lines = ["<table>", "<thead><tr>" + table.columns.map { "<th>\(escape($0.title))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for (index, row) in table.rows.enumerated() {
            let cells = zip(table.columns, row).map { column, cell in
                "<td\(column.alignment == .right ? " class=\"number\"" : "")>\(escape(cell.text(style: column.numbers)))</td>"
            }
            lines.append("<tr\(index == table.bestRow ? " class=\"best\"" : "")>" + cells.joined() + "</tr>")
        }
        lines += ["</tbody>", "</table>"]
        return lines.joined(separator: "\n")
    }
}
