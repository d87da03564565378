import CFReport
import CFText

/// A `Table` (the rows `cflab compare` prints) as a sortable HTML table, in a box that
/// scrolls sideways when the table is wider than the page: each number cell
/// carries its full value in `data-value`, so the script sorts by value, not by text.
enum HTMLTable {
    /// The table's HTML; `id` names it for the script's saved sort and column choice.
    static func render(_ table: Table, id: String, choosable: Bool = true) -> String {
        var lines = ["<div class=\"scroll\"><table id=\"\(HTMLText.escape(id))\" class=\"sortable\(choosable ? " choosable" : "")\">"]
        lines.append("<thead><tr>" + table.columns.map { "<th>\(HTMLText.escape($0.title))</th>" }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        for (index, row) in table.rows.enumerated() {
            let cells = table.columns.indices.map { column -> String in
                let cell = row.indices.contains(column) ? row[column] : .missing
                return self.cell(cell, style: table.columns[column].numbers)
            }
            lines.append("<tr\(index == table.bestRow ? " class=\"best\"" : "")>" + cells.joined() + "</tr>")
        }
        lines.append("</tbody></table></div>")
        return lines.joined(separator: "\n")
    }

    /// One cell: its text in the column's style, its sort value in full.
    static func cell(_ cell: TableCell, style: NumberStyle?) -> String {
        let text = HTMLText.escape(cell.text(style: style))
        switch cell {
        case let .integer(value): return "<td class=\"number\" data-value=\"\(value)\">\(text)</td>"
        case let .number(value, _): return "<td class=\"number\" data-value=\"\(value)\">\(text)</td>"
        case let .summary(mean?, _): return "<td class=\"number\" data-value=\"\(mean)\">\(text)</td>"
        case .summary, .missing: return "<td class=\"number\" data-value=\"\">\(text)</td>"
        case .text, .flag: return "<td>\(text)</td>"
        }
    }

    /// A table of raw rows: `header` titles and already escaped cells.
    static func rows(id: String, header: [String], rows: [[String]], choosable: Bool = false) -> String {
        var lines = ["<div class=\"scroll\"><table id=\"\(HTMLText.escape(id))\" class=\"sortable\(choosable ? " choosable" : "")\">"]
        lines.append("<thead><tr>" + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        lines += rows.map { "<tr>" + $0.joined() + "</tr>" }
        lines.append("</tbody></table></div>")
        return lines.joined(separator: "\n")
    }

    /// A text cell, escaped.
    static func text(_ value: String) -> String {
        "<td>\(HTMLText.escape(value))</td>"
    }

    /// A number cell: `shown` for people, `value` in full for sorting; `-` when missing.
    static func number(_ value: Double?, shown: NumberStyle = .fixed(4)) -> String {
        guard let value else { return "<td class=\"number\" data-value=\"\">-</td>" }
        return "<td class=\"number\" data-value=\"\(value)\">\(HTMLText.escape(shown.text(value)))</td>"
    }

    static func integer(_ value: Int?) -> String {
        guard let value else { return "<td class=\"number\" data-value=\"\">-</td>" }
        return "<td class=\"number\" data-value=\"\(value)\">\(value)</td>"
    }

    /// A run's status as a coloured badge.
    static func status(_ status: String) -> String {
        "<td><span class=\"status status-\(HTMLText.escape(status))\">\(HTMLText.escape(status))</span></td>"
    }
}
