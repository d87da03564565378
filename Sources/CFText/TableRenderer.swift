import CFCore
/// Renders a `Table` as text in one `TableFormat`: the one table renderer of cflab.
///
/// Text cells reach the formats people read with control characters turned into
/// spaces (`Escaping.terminal`), so a title from a data file cannot move the cursor or
/// break a line; CSV and JSON keep every character (quoted or escaped).
public struct TableRenderer: Sendable {
    public var format: TableFormat
    /// Draw the best row of an aligned table in ANSI bold green (for a terminal).
    public var highlightsBest: Bool
    /// What ends each line (CSV records included); RFC 4180 files use `\r\n`.
    public var lineBreak: String

    public init(format: TableFormat, highlightsBest: Bool = false, lineBreak: String = "\n") {
        self.format = format
        self.highlightsBest = highlightsBest
        self.lineBreak = lineBreak
    }

    /// The table as text, without a trailing line break.
    public func render(_ table: Table) -> String {
        switch format {
        case .aligned: return aligned(table).joined(separator: lineBreak)
        case .markdown: return markdown(table).joined(separator: lineBreak)
        case .csv: return csv(table).joined(separator: lineBreak)
        case .json: return table.json.indented.replacingLineBreaks(with: lineBreak)
        case .latex: return latex(table).joined(separator: lineBreak)
        }
    }

    /// A sentence outside any table (a note), made safe for this format.
    public func prose(_ text: String) -> String {
        switch format {
        case .aligned: return Escaping.terminal(text)
        case .markdown: return Escaping.markdown(text)
        case .latex: return "% " + Escaping.latex(text)
        case .csv: return "# " + Escaping.terminal(text)
        case .json: return text
        }
    }

    /// The cells of `table` as people read them, one string per column.
    func humanCells(_ table: Table, _ row: [TableCell], plusMinus: String = "±") -> [String] {
        table.columns.indices.map { table.cell(row, $0).text(style: table.columns[$0].numbers, plusMinus: plusMinus) }
    }
}

extension String {
    /// The string with each `\n` replaced by `lineBreak`.
    func replacingLineBreaks(with lineBreak: String) -> String {
        lineBreak == "\n" ? self : split(separator: "\n", omittingEmptySubsequences: false).joined(separator: lineBreak)
    }
}
