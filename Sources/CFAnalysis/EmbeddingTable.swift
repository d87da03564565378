/// A row-major table of embeddings (or biases, one column wide), one row per dense id.
public struct EmbeddingTable: Sendable {
    public let rows: Int
    public let columns: Int
    public let values: [Float]

    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(values.count == rows * columns, "\(values.count) values for \(rows) × \(columns)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// The row of dense id `row`.
    public func row(_ row: Int) -> ArraySlice<Float> {
        values[(row * columns)..<((row + 1) * columns)]
    }

    /// The first value of each row: the bias of a one-column bias table.
    public var firstColumn: [Float] {
        (0..<rows).map { values[$0 * columns] }
    }

    /// The Euclidean norm of each row, in Double.
    public var norms: [Double] {
        (0..<rows).map { index in row(index).reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() }
    }

    /// The cosine similarity of rows `first` and `second` given their `norms`:
    /// p·q / (‖p‖‖q‖), and 0 when either row is all zeros.
    public func cosine(_ first: Int, _ second: Int, norms: [Double]) -> Double {
        let denominator = norms[first] * norms[second]
        guard denominator > 0 else { return 0 }
        var dot = 0.0
        for (left, right) in zip(row(first), row(second)) { dot += Double(left) * Double(right) }
        return dot / denominator
    }

    /// The rows `selected`, in that order, as one row-major matrix (for PCA).
    public func matrix(rows selected: [Int]) -> [Float] {
        var matrix: [Float] = []
        matrix.reserveCapacity(selected.count * columns)
        for row in selected { matrix.append(contentsOf: self.row(row)) }
        return matrix
    }
}
