/// One titled table of an analysis: named columns and rows of typed cells.
public struct AnalysisTable: Equatable, Sendable {
    /// A column's header, JSON key and alignment in text tables.
    public struct Column: Equatable, Sendable {
        public var name: String
        /// The JSON key: the name lowercased, other characters as `_` ("mean rating" → `mean_rating`).
        public var key: String
        public var alignsRight: Bool

        public init(_ name: String, alignsRight: Bool = true) {
            self.name = name
            self.alignsRight = alignsRight
            key = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        }
    }

    /// One value: text, a whole number, or a number shown with `decimals` digits.
    public enum Cell: Equatable, Sendable {
        case text(String)
        case integer(Int)
        case number(Double, decimals: Int)

        /// The cell as text tables, Markdown and CSV show it.
        public var text: String {
            switch self {
            case let .text(text): return text
            case let .integer(value): return String(value)
            case let .number(value, decimals): return value.isFinite ? String(format: "%.\(decimals)f", value) : "\(value)"
            }
        }
    }

    public var title: String
    /// The table's key in JSON output.
    public var key: String
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(title: String, key: String, columns: [Column], rows: [[Cell]] = []) {
        self.title = title
        self.key = key
        self.columns = columns
        self.rows = rows
    }
}

/// What an analysis command prints: its tables, then notes (cold start, truncation).
public struct AnalysisOutput: Equatable, Sendable {
    public var tables: [AnalysisTable]
    public var notes: [String]

    public init(tables: [AnalysisTable], notes: [String] = []) {
        self.tables = tables
        self.notes = notes
    }
}
