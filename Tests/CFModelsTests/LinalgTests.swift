import CFCore
import CFLinalg
import Testing

@Suite("linear algebra")
struct LinalgTests {
    func randomMatrix(_ count: Int, seed: UInt64) -> [Float] {
        var random = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in random.nextFloat(in: -1, 1) }
    }

    @Test(arguments: [false, true], [false, true])
    func sgemmMatchesNaiveProduct(transA: Bool, transB: Bool) {
        let (m, n, k) = (5, 3, 4)
        let a = randomMatrix(m * k, seed: 1)
        let b = randomMatrix(k * n, seed: 2)
        var c = randomMatrix(m * n, seed: 3)
        let original = c
        // Stored shapes: A is m×k (or k×m when transposed), B is k×n (or n×k).
        func elementA(_ row: Int, _ inner: Int) -> Double { Double(transA ? a[inner * m + row] : a[row * k + inner]) }
        func elementB(_ inner: Int, _ column: Int) -> Double { Double(transB ? b[column * k + inner] : b[inner * n + column]) }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    Linalg.sgemm(
                        transA: transA, transB: transB, m: m, n: n, k: k, alpha: 2,
                        a: a.baseAddress!, lda: transA ? m : k, b: b.baseAddress!, ldb: transB ? k : n,
                        beta: 0.5, c: c.baseAddress!, ldc: n)
                }
            }
        }
        for row in 0..<m {
            for column in 0..<n {
                let product = (0..<k).reduce(0.0) { $0 + elementA(row, $1) * elementB($1, column) }
                let expected = 2 * product + 0.5 * Double(original[row * n + column])
                #expect(abs(Double(c[row * n + column]) - expected) < 1e-5)
            }
        }
    }

    @Test func symmetricEigenDecomposesAndSortsDescending() throws {
        let n = 4
        let base = randomMatrix(n * n, seed: 7)
        // S = BᵀB is symmetric positive semi-definite.
        var symmetric = [Float](repeating: 0, count: n * n)
        for row in 0..<n {
            for column in 0..<n {
                symmetric[row * n + column] = (0..<n).reduce(0) { $0 + base[$1 * n + row] * base[$1 * n + column] }
            }
        }
        let (values, vectors) = try Linalg.symmetricEigen(matrix: symmetric, n: n)
        #expect(values == values.sorted(by: >))
        for index in 0..<n {
            let vector = Array(vectors[(index * n)..<(index * n + n)])
            let norm = vector.reduce(0) { $0 + $1 * $1 }
            #expect(abs(norm - 1) < 1e-5)
            let largest = vector.max { abs($0) < abs($1) } ?? 0
            #expect(largest > 0)
            for row in 0..<n {
                let product = (0..<n).reduce(0) { $0 + symmetric[row * n + $1] * vector[$1] }
                #expect(abs(product - values[index] * vector[row]) < 1e-4)
            }
        }
        let diagonal = try Linalg.symmetricEigen(matrix: [3, 0, 0, 0, 5, 0, 0, 0, 1], n: 3)
        #expect(diagonal.values == [5, 3, 1])
        #expect(diagonal.vectors == [0, 1, 0, 1, 0, 0, 0, 0, 1])
        #expect(throws: LinalgError.self) { try Linalg.symmetricEigen(matrix: [1, 2, 3], n: 2) }
    }
}
