import CFText

/// One titled table of an analysis, and its key in JSON output.
public struct AnalysisTable: Equatable, Sendable {
    /// The table's key in JSON output (`highest_bias`).
    public var key: String
    public var table: Table

    public init(title: String, key: String, columns: [TableColumn], rows: [[TableCell]] = []) {
        self.key = key
        table = Table(title: title, columns: columns, rows: rows)
    }
}
