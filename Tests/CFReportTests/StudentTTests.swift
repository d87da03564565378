import CFReport
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

    /// scipy.stats.ttest_rel([0.91, 0.93, 0.92], [0.94, 0.95, 0.96]).
    func testPairedTestMatchesScipy() throws {
        let test = try XCTUnwrap(PairedTest([0.91, 0.93, 0.92], [0.94, 0.95, 0.96]))
        XCTAssertEqual(test.statistic, -5.1961524227066125, accuracy: 1e-9)
        XCTAssertEqual(test.pValue, 0.035098718645984905, accuracy: 1e-9)
        XCTAssertEqual(test.degreesOfFreedom, 2)
        XCTAssertEqual(test.meanDifference, -0.03, accuracy: 1e-12)
        XCTAssertEqual(test.lower, -0.05484137711750324, accuracy: 1e-9)
        XCTAssertEqual(test.upper, -0.005158622882496591, accuracy: 1e-9)
        XCTAssertFalse(test.isWithinNoise)
    }

    /// scipy.stats.ttest_rel([0.91, 0.96, 0.92], [0.94, 0.93, 0.95]): t = −0.5, p = 2/3.
    func testNoisyDifferenceIsWithinNoiseAndTwoPairsAreTooFew() throws {
        let test = try XCTUnwrap(PairedTest([0.91, 0.96, 0.92], [0.94, 0.93, 0.95]))
        XCTAssertEqual(test.statistic, -0.5, accuracy: 1e-9)
        XCTAssertEqual(test.pValue, 0.6666666666666667, accuracy: 1e-9)
        XCTAssertEqual(test.lower, -0.09605305459498897, accuracy: 1e-9)
        XCTAssertTrue(test.isWithinNoise)
        XCTAssertNil(PairedTest([0.9, 0.8], [1, 1]))
    }
}
