import CFCore
import XCTest

/// Reference values from scipy.stats / scipy.special.
final class StudentTTests: XCTestCase {
    func testIncompleteBetaMatchesScipy() {
        XCTAssertEqual(StudentT.regularizedIncompleteBeta(0.4, a: 2, b: 3), 0.5248, accuracy: 1e-12)
        XCTAssertEqual(StudentT.regularizedIncompleteBeta(0.3, a: 0.5, b: 0.5), 0.36901011956554536, accuracy: 1e-12)
        XCTAssertEqual(StudentT.regularizedIncompleteBeta(0, a: 2, b: 3), 0)
        XCTAssertEqual(StudentT.regularizedIncompleteBeta(1, a: 2, b: 3), 1)
    }

    func testCDFPValueAndQuantileMatchScipy() {
        XCTAssertEqual(StudentT.twoSidedPValue(2.0, degreesOfFreedom: 5), 0.10193947882985835, accuracy: 1e-12)
        XCTAssertEqual(StudentT.cdf(-1.5, degreesOfFreedom: 3), 0.11529193262241147, accuracy: 1e-12)
        XCTAssertEqual(StudentT.cdf(0, degreesOfFreedom: 7), 0.5, accuracy: 1e-15)
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 2), 4.302652729749462, accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 4), 2.7764451051977934, accuracy: 1e-9)
    }
}
