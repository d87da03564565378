import CFCore
import XCTest

/// The YAML printer's quoting, and the plain-scalar rule it shares with the config parser.
final class YAMLPrinterTests: XCTestCase {
    func testYAMLPrinterQuotesOnlyWhenNeeded() {
        let json = JSONValue.object([
            ("plain", .string("ml-100k")), ("number", .string("1.5")), ("flag", .string("true")),
            ("colon", .string("a: b")), ("empty", .string("")), ("list", .array([.double(0.9), .double(0.99)])),
            ("nested", .object([("k", .array([.int(10)]))])), ("none", .null),
        ])
        XCTAssertEqual(YAMLPrinter.print(json), """
        plain: ml-100k
        number: "1.5"
        flag: "true"
        colon: "a: b"
        empty: ""
        list: [0.9, 0.99]
        nested:
          k: [10]
        none: null

        """)
    }

    func testPlainScalarsResolveByTheCoreSchema() {
        XCTAssertEqual(YAMLScalar.resolve(plain: "~"), .null)
        XCTAssertEqual(YAMLScalar.resolve(plain: "True"), .bool(true))
        XCTAssertEqual(YAMLScalar.resolve(plain: "1_000"), .int(1000))
        XCTAssertEqual(YAMLScalar.resolve(plain: "1.0e-3"), .double(0.001))
        XCTAssertEqual(YAMLScalar.resolve(plain: "1e999"), .string("1e999"))
        XCTAssertEqual(YAMLScalar.resolve(plain: "dot_bias"), .string("dot_bias"))
    }
}
