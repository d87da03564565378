import CFCore
import CKernels
import XCTest

/// The factor models' C kernels give the bits of the Swift loops they replaced, on random
/// rows of odd and even widths and batches that are not multiples of four or eight; the
/// dot kernel on the path this CPU picks and on the scalar one.
final class FactorKernelTests: XCTestCase {
    func testDotsKeepEachRatingsSerialSum() {
        var random = Xoshiro256StarStar(seed: 11)
        for width in [1, 3, 8, 50, 64, 65] {
            let rows = 37
            let u = (0..<rows * width).map { _ in random.nextFloat(in: -1, 1) }
            let v = (0..<rows * width).map { _ in random.nextFloat(in: -1, 1) }
            for count in [0, 1, 3, 4, 5, 7, 8, 9, 13, 16, 23, 64] {
                let users = (0..<count).map { _ in Int32(random.nextInt(below: rows)) }
                let items = (0..<count).map { _ in Int32(random.nextInt(below: rows)) }
                let start = (0..<count).map { _ in random.nextFloat(in: -3, 3) }
                var expected = start
                for r in 0..<count {
                    for k in 0..<width { expected[r] += u[Int(users[r]) * width + k] * v[Int(items[r]) * width + k] }
                }
                // The kernel this CPU picks (eight lanes with AVX), and the scalar one.
                var sums = start
                cf_factor_dots(u, v, users, items, count, width, &sums)
                XCTAssertEqual(sums.map(\.bitPattern), expected.map(\.bitPattern), "width \(width), \(count) ratings")
                var scalarSums = start
                cf_factor_dots_scalar(u, v, users, items, count, width, &scalarSums)
                XCTAssertEqual(scalarSums.map(\.bitPattern), expected.map(\.bitPattern), "scalar: width \(width), \(count) ratings")
            }
        }
    }

    func testScatterIsTheElementwiseUpdate() {
        var random = Xoshiro256StarStar(seed: 12)
        for width in [1, 3, 8, 50, 64, 65] {
            let user = (0..<width).map { _ in random.nextFloat(in: -1, 1) }
            let item = (0..<width).map { _ in random.nextFloat(in: -1, 1) }
            var userGradient = (0..<width).map { _ in random.nextFloat(in: -1, 1) }
            var itemGradient = (0..<width).map { _ in random.nextFloat(in: -1, 1) }
            let scale = random.nextFloat(in: -0.1, 0.1)
            var expectedUser = userGradient, expectedItem = itemGradient
            for k in 0..<width {
                expectedUser[k] += scale * item[k]
                expectedItem[k] += scale * user[k]
            }
            cf_factor_scatter(&userGradient, &itemGradient, user, item, scale, width)
            XCTAssertEqual(userGradient.map(\.bitPattern), expectedUser.map(\.bitPattern), "width \(width)")
            XCTAssertEqual(itemGradient.map(\.bitPattern), expectedItem.map(\.bitPattern), "width \(width)")
        }
    }
}
