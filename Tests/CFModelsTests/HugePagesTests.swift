import XCTest
@testable import CFModels

final class HugePagesTests: XCTestCase {
    /// The advice covers the 2 MiB-aligned interior on Linux (nothing elsewhere) and
    /// changes no value.
    func testAdviceKeepsValuesAndCoversTheAlignedInterior() {
        let count = 3 << 20  // 12 MiB of Floats: at least four whole huge pages inside
        let values = (0..<count).map { Float($0 % 9973) * 0.25 - 7 }
        let copy = values
        let advised = HugePages.advise(values)
        #if os(Linux)
        let huge = 2 << 20
        let start = values.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress!) }
        let firstPage = (start + huge - 1) / huge * huge
        let lastPage = (start + count * 4) / huge * huge
        XCTAssertEqual(advised, lastPage - firstPage)
        XCTAssertGreaterThanOrEqual(advised, 4 * huge)
        #else
        XCTAssertEqual(advised, 0)
        #endif
        XCTAssertEqual(values, copy)
    }

    func testSmallBuffersAreLeftAlone() {
        let values = [Float](repeating: 1.5, count: 1000)
        XCTAssertEqual(HugePages.advise(values), 0)
        XCTAssertEqual(HugePages.advise(nil, count: 0), 0)
        XCTAssertEqual(values, [Float](repeating: 1.5, count: 1000))
    }

    /// A large table's values and zeroed gradient survive the advice its init gives.
    func testLargeParameterKeepsItsValues() {
        let rows = 40_000, columns = 64
        let values = (0..<(rows * columns)).map { Float(bitPattern: 0x3F00_0000 | UInt32($0 & 0x7F_FFFF)) }
        let parameter = Parameter(name: "user.embedding", shape: [rows, columns], values: values, rowSparse: true)
        XCTAssertEqual(parameter.values, values)
        XCTAssertTrue(parameter.gradient.allSatisfy { $0 == 0 })
    }
}
