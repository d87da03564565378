import CFCore
import XCTest
@testable import CFModels

/// The rectifier's C kernels give the bits of the Swift reference loops they replaced,
/// NaN, infinities and both zeros included, at lengths that are not multiples of a vector.
final class ReLUKernelTests: XCTestCase {
    private func values(_ count: Int, random: inout Xoshiro256StarStar) -> [Float] {
        let specials: [Float] = [.nan, -.nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        return (0..<count).map { index in index % 7 == 3 ? specials[index % specials.count] : random.nextFloat(in: -2, 2) }
    }

    func testForwardMatchesTheReferenceInPlaceAndOutOfPlace() {
        var random = Xoshiro256StarStar(seed: 21)
        for count in [0, 1, 7, 8, 9, 31, 100, 1025] {
            let input = values(count, random: &random)
            var expected = input
            expected.withUnsafeMutableBufferPointer { ReLU.referenceForward($0.baseAddress!, count: count) }
            var inPlace = input
            inPlace.withUnsafeMutableBufferPointer { ReLU.forward($0.baseAddress!, into: $0.baseAddress!, count: count) }
            var outOfPlace = [Float](repeating: 9, count: count)
            input.withUnsafeBufferPointer { source in
                outOfPlace.withUnsafeMutableBufferPointer { ReLU.forward(source.baseAddress!, into: $0.baseAddress!, count: count) }
            }
            XCTAssertEqual(inPlace.map(\.bitPattern), expected.map(\.bitPattern), "\(count) values in place")
            XCTAssertEqual(outOfPlace.map(\.bitPattern), expected.map(\.bitPattern), "\(count) values out of place")
        }
    }

    func testBackwardMasksByEitherSideOfTheRectifier() {
        var random = Xoshiro256StarStar(seed: 22)
        for count in [0, 1, 7, 8, 9, 31, 100, 1025] {
            let before = values(count, random: &random)
            var after = before
            after.withUnsafeMutableBufferPointer { ReLU.referenceForward($0.baseAddress!, count: count) }
            let gradient = values(count, random: &random)
            var expected = gradient
            expected.withUnsafeMutableBufferPointer { ReLU.referenceBackward(activated: after, gradient: $0.baseAddress!, count: count) }
            for activated in [before, after] {
                var masked = gradient
                masked.withUnsafeMutableBufferPointer { ReLU.backward(activated: activated, gradient: $0.baseAddress!, count: count) }
                XCTAssertEqual(masked.map(\.bitPattern), expected.map(\.bitPattern), "\(count) values")
            }
        }
    }
}
