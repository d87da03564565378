import CFReport
import XCTest

/// Reference values from scipy.stats.ttest_rel.
final class PairedTestTests: XCTestCase {
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
