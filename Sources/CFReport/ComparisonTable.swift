/// A comparison laid out as columns and typed cells, ready for any output format.
public struct ComparisonTable: Sendable {
    /// One column: its title, and whether its cells are numbers (right-aligned).
    public struct Column: Equatable, Sendable {
        public let title: String
        public let isNumeric: Bool

        public init(title: String, isNumeric: Bool) {
            self.title = title
            self.isNumeric = isNumeric
        }
    }

    /// One cell: text, a number with fixed decimals, or a mean ± standard deviation.
    public enum Cell: Equatable, Sendable {
        case text(String)
        case number(Double?, decimals: Int)
        case summary(mean: Double?, deviation: Double?, decimals: Int)
    }

    /// What the rows are, for example `runs of sweep quickstart-sweep (metrics at the best epoch)`.
    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// The row of the winner, highlighted on a terminal and in bold elsewhere.
    public var bestRow: Int?
    /// Sentences under the table: the verdict of the paired test, runs left out.
    public var remarks: [String]

    public init(title: String, columns: [Column], rows: [[Cell]], bestRow: Int?, remarks: [String]) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.bestRow = bestRow
        self.remarks = remarks
    }
}

extension ComparisonTable.Cell {
    /// The cell as text: numbers with their fixed decimals, `-` when missing.
    public func text(plusMinus: String = "±") -> String {
        switch self {
        case let .text(value): return value
        case let .number(value, decimals): return NumberText.fixed(value, decimals: decimals)
        case let .summary(mean, deviation, decimals):
            guard let deviation else { return NumberText.fixed(mean, decimals: decimals) }
            return NumberText.fixed(mean, decimals: decimals) + " \(plusMinus) " + NumberText.fixed(deviation, decimals: decimals)
        }
    }
}
