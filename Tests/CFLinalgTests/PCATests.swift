import CFLinalg
import XCTest

final class PCATests: XCTestCase {
    /// Rows 3·(−0.6, 0.8), −3·(−0.6, 0.8), ±(0.8, 0.6): variances 6 and 2/3 on two known axes.
    func testHandCaseGivesKnownAxesRatiosAndScores() throws {
        let matrix: [Float] = [-1.8, 2.4, 1.8, -2.4, 0.8, 0.6, -0.8, -0.6]
        let pca = try PCA.fit(matrix: matrix, rows: 4, columns: 2)
        XCTAssertEqual(pca.explainedVarianceRatio.count, 2)
        XCTAssertEqual(pca.explainedVarianceRatio[0], 0.9, accuracy: 1e-5)
        XCTAssertEqual(pca.explainedVarianceRatio[1], 0.1, accuracy: 1e-5)
        // The largest-magnitude loading of each component is positive.
        assertEqual(pca.components[0], [-0.6, 0.8])
        assertEqual(pca.components[1], [0.8, 0.6])
        assertEqual(pca.scores.map { $0[0] }, [3, -3, 0, 0])
        assertEqual(pca.scores.map { $0[1] }, [0, 0, 1, -1])
        XCTAssertEqual(pca.score(row: 0, component: 0), 3, accuracy: 1e-4)
    }

    func testCentresColumnsAndKeepsRequestedComponents() throws {
        let matrix: [Float] = [12, 5, 8, 5, 10, 6, 10, 4]   // (2,0),(−2,0),(0,1),(0,−1) shifted by (10, 5)
        let pca = try PCA.fit(matrix: matrix, rows: 4, columns: 2, components: 1)
        XCTAssertEqual(pca.components.count, 1)
        XCTAssertEqual(pca.explainedVarianceRatio[0], 0.8, accuracy: 1e-5)
        assertEqual(pca.components[0], [1, 0])
        assertEqual(pca.scores.map { $0[0] }, [2, -2, 0, 0])
        XCTAssertEqual(pca.scores[0].count, 1)
    }

    func testRejectsAMatrixOfTheWrongShape() {
        XCTAssertThrowsError(try PCA.fit(matrix: [1, 2, 3], rows: 2, columns: 2))
    }

    private func assertEqual(_ actual: [Float], _ expected: [Float], line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, line: line)
        for (value, wanted) in zip(actual, expected) { XCTAssertEqual(value, wanted, accuracy: 1e-4, line: line) }
    }
}
