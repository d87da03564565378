import CFCore

/// A table of typed cells: the one value every cflab table is built as, and rendered
/// from by `TableRenderer` in any `TableFormat`.
///
/// A command builds one by naming its columns and appending rows of `TableCell`s:
///
///     var table = Table(columns: [TableColumn("id"), TableColumn("valid_rmse", numbers: .fixed(4))])
///     table.append([.integer(7), .number(0.8605)])
///     TableRenderer(format: .aligned).render(table)
public struct Table: Equatable, Sendable {
    /// What the rows are; printed above the table (a comment in LaTeX, left out of CSV).
    public var title: String?
    public var columns: [TableColumn]
    /// The rows, one cell per column; a short row ends in empty cells.
    public var rows: [[TableCell]]
    /// The row that won: bold in Markdown and LaTeX, highlighted on a terminal if asked.
    public var bestRow: Int?
    /// Whether the rows are ranked, so that each JSON row says whether it is the best (`is_best`).
    public var isRanked: Bool
    /// Sentences under the table, such as a test's verdict.
    public var remarks: [String]
    /// Whether an aligned table draws a rule of dashes under its header.
    public var underlinesHeader: Bool
    /// Numbers behind the remarks (a test's t, df, p...), as a JSON object whose fields
    /// the JSON form carries beside the rows; the people formats show the remarks.
    public var facts: JSONValue = .object([])

    public init(
        title: String? = nil, columns: [TableColumn], rows: [[TableCell]] = [], bestRow: Int? = nil,
        isRanked: Bool = false, remarks: [String] = [], underlinesHeader: Bool = false
    ) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.bestRow = bestRow
        self.isRanked = isRanked
        self.remarks = remarks
        self.underlinesHeader = underlinesHeader
    }

    public mutating func append(_ row: [TableCell]) {
        rows.append(row)
    }

    /// The cell of `row` in `column`, empty text when the row is short.
    func cell(_ row: [TableCell], _ column: Int) -> TableCell {
        row.indices.contains(column) ? row[column] : .text("")
    }

    /// Whether `column` aligns right: as it says, or, when automatic, when it has rows
    /// and every cell reads as a number.
    func alignsRight(_ column: Int) -> Bool {
        switch columns[column].alignment {
        case .left: return false
        case .right: return true
        case .automatic: return !rows.isEmpty && rows.allSatisfy { !$0.indices.contains(column) || $0[column].looksNumeric }
        }
    }

    /// One JSON object per row, keyed by column key, numbers in full, plus `is_best` when ranked.
    public var jsonRows: [JSONValue] {
        rows.enumerated().map { index, row in
            var pairs = columns.indices.map { (columns[$0].key, cell(row, $0).json) }
            if isRanked { pairs.append(("is_best", .bool(index == bestRow))) }
            return .object(pairs)
        }
    }

    /// The whole table as one JSON object: title (when there is one), column keys, rows, remarks.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = title.map { [("title", .string($0))] } ?? []
        pairs.append(("columns", .array(columns.map { .string($0.key) })))
        pairs.append(("rows", .array(jsonRows)))
        pairs.append(("remarks", .array(remarks.map(JSONValue.string))))
        if case let .object(fields) = facts { pairs += fields }
        return .object(pairs)
    }
}
