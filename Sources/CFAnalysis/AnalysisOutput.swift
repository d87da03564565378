/// What an analysis command prints: its tables, then notes (cold start, truncation).
public struct AnalysisOutput: Equatable, Sendable {
    public var tables: [AnalysisTable]
    public var notes: [String]

    public init(tables: [AnalysisTable], notes: [String] = []) {
        self.tables = tables
        self.notes = notes
    }
}
