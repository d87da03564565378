import CFCore
import Foundation

/// How an analysis is printed (`--format`).
public enum AnalysisFormat: String, CaseIterable, Sendable {
    /// Aligned columns under each table's title.
    case table
    /// A `###` heading and a pipe table per table.
    case markdown
    /// Per table a `# title` comment line, a header and RFC 4180 rows; tables apart by a blank line.
    case csv
    /// One object: each table's key → an array of row objects, and `notes`.
    case json
}

extension AnalysisOutput {
    /// The output as text in `format`, without a trailing newline.
    public func rendered(as format: AnalysisFormat) -> String {
        switch format {
        case .table:
            return (tables.map(Self.aligned) + (notes.isEmpty ? [] : [notes.joined(separator: "\n")])).joined(separator: "\n\n")
        case .markdown:
            return (tables.map(Self.markdown) + (notes.isEmpty ? [] : [notes.joined(separator: "\n\n")])).joined(separator: "\n\n")
        case .csv:
            return (tables.map(Self.csv) + notes.map { "# \($0)" }).joined(separator: "\n\n")
        case .json:
            return json.indented
        }
    }

    /// The output as one JSON object (numbers stay numbers).
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = tables.map { table in
            (table.key, .array(table.rows.map { row in
                .object(zip(table.columns, row).map { column, cell in
                    switch cell {
                    case let .text(text): return (column.key, .string(text))
                    case let .integer(value): return (column.key, .int(Int64(value)))
                    case let .number(value, decimals): return (column.key, .double(Self.rounded(value, decimals: decimals + 3)))
                    }
                })
            }))
        }
        if !notes.isEmpty { pairs.append(("notes", .array(notes.map(JSONValue.string)))) }
        return .object(pairs)
    }

    /// `value` to `decimals` places, so that Float noise stays out of JSON.
    static func rounded(_ value: Double, decimals: Int) -> Double {
        guard value.isFinite else { return value }
        return Double(String(format: "%.\(decimals)f", value)) ?? value
    }

    private static func aligned(_ table: AnalysisTable) -> String {
        let cells = [table.columns.map(\.name)] + table.rows.map { $0.map(\.text) }
        let widths = table.columns.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        let lines = cells.map { row in
            zip(table.columns, zip(row, widths)).map { column, pair in
                let padding = String(repeating: " ", count: pair.1 - pair.0.count)
                return column.alignsRight ? padding + pair.0 : pair.0 + padding
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([table.title] + lines).joined(separator: "\n")
    }

    private static func markdown(_ table: AnalysisTable) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let rule = "|" + table.columns.map { $0.alignsRight ? "---:|" : "---|" }.joined()
        return (["### \(table.title)", "", line(table.columns.map(\.name)), rule] + table.rows.map { line($0.map(\.text)) })
            .joined(separator: "\n")
    }

    private static func csv(_ table: AnalysisTable) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let lines = [table.columns.map { field($0.key) }] + table.rows.map { $0.map { field($0.text) } }
        return (["# \(table.title)"] + lines.map { $0.joined(separator: ",") }).joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
