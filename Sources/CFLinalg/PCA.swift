/// A principal component analysis of the rows of a matrix, such as item embeddings.
///
/// With the column-centred matrix X (rows × columns) and its covariance
/// C = XᵀX / (rows − 1), the components are C's unit eigenvectors v_k by descending
/// eigenvalue λ_k, the explained variance ratio is λ_k / Σ_j λ_j, and the score of row r
/// on component k is x_r · v_k. Each component's largest-magnitude loading is positive
/// (the sign `Linalg.symmetricEigen` fixes), so reruns draw the same picture.
public struct PCA: Sendable {
    /// The share of the total variance each kept component explains, descending.
    public let explainedVarianceRatio: [Double]
    /// The kept components, each a unit vector of length `columns`.
    public let components: [[Float]]
    /// The projection of each centred row on the kept components (rows × kept).
    public let scores: [[Float]]

    /// Fits the PCA of a `rows` × `columns` row-major `matrix`, keeping `components`
    /// components (all `columns` when nil).
    public static func fit(matrix: [Float], rows: Int, columns: Int, components: Int? = nil) throws -> PCA {
        guard rows > 0, columns > 0, matrix.count == rows * columns else {
            throw LinalgError.badMatrix(rows: rows, columns: columns, count: matrix.count)
        }
        let kept = min(max(components ?? columns, 0), columns)
        let centred = centre(matrix, rows: rows, columns: columns)
        let covariance = covarianceMatrix(centred, rows: rows, columns: columns)
        let (values, vectors) = try Linalg.symmetricEigen(matrix: covariance, n: columns)
        let clipped = values.map { max(Double($0), 0) }
        let total = clipped.reduce(0, +)
        let ratios = clipped.prefix(kept).map { total > 0 ? $0 / total : 0 }
        let axes = (0..<kept).map { Array(vectors[($0 * columns)..<(($0 + 1) * columns)]) }
        var scores = [[Float]](repeating: [Float](repeating: 0, count: kept), count: rows)
        for row in 0..<rows {
            for (index, axis) in axes.enumerated() {
                var sum: Double = 0
                for column in 0..<columns { sum += Double(centred[row * columns + column]) * Double(axis[column]) }
                scores[row][index] = Float(sum)
            }
        }
        return PCA(explainedVarianceRatio: Array(ratios), components: axes, scores: scores)
    }

    /// The score of `row` on `component` (0-based).
    public func score(row: Int, component: Int) -> Float {
        scores[row][component]
    }

    /// The matrix with each column's mean subtracted.
    private static func centre(_ matrix: [Float], rows: Int, columns: Int) -> [Float] {
        var means = [Double](repeating: 0, count: columns)
        for row in 0..<rows {
            for column in 0..<columns { means[column] += Double(matrix[row * columns + column]) }
        }
        for column in 0..<columns { means[column] /= Double(rows) }
        var centred = matrix
        for row in 0..<rows {
            for column in 0..<columns {
                centred[row * columns + column] = Float(Double(matrix[row * columns + column]) - means[column])
            }
        }
        return centred
    }

    /// XᵀX / (rows − 1) of the centred matrix, accumulated in Double (columns × columns).
    private static func covarianceMatrix(_ centred: [Float], rows: Int, columns: Int) -> [Float] {
        let divisor = Double(max(rows - 1, 1))
        var covariance = [Float](repeating: 0, count: columns * columns)
        for first in 0..<columns {
            for second in first..<columns {
                var sum: Double = 0
                for row in 0..<rows {
                    sum += Double(centred[row * columns + first]) * Double(centred[row * columns + second])
                }
                let value = Float(sum / divisor)
                covariance[first * columns + second] = value
                covariance[second * columns + first] = value
            }
        }
        return covariance
    }
}
