import CFCore
import XCTest

final class JSONValueTests: XCTestCase {
    func testCanonicalFormSortsKeysAndIsCompact() {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.double(0.001), .bool(true), .null]))])
        XCTAssertEqual(value.canonical, #"{"a":[0.001,true,null],"b":1}"#)
        XCTAssertEqual(value.compact, #"{"b":1,"a":[0.001,true,null]}"#)
    }

    func testStringsAreEscaped() {
        let value = JSONValue.string("a\"b\\c\nd\u{1}é")
        XCTAssertEqual(value.canonical, "\"a\\\"b\\\\c\\nd\\u0001é\"")
        XCTAssertEqual(try JSONValue.parse(value.canonical), value)
    }

    func testParseRoundTripKeepsIntegersAndDoubles() throws {
        let text = #"{"lr":1e-05,"epochs":5,"betas":[0.9,0.99],"name":"x \u00e9","ok":false,"none":null}"#
        let value = try JSONValue.parse(text)
        XCTAssertEqual(value["epochs"], .int(5))
        XCTAssertEqual(value["lr"], .double(1e-5))
        XCTAssertEqual(value["name"], .string("x é"))
        XCTAssertEqual(try JSONValue.parse(value.compact), value)
    }

    func testParseRejectsMalformedText() {
        XCTAssertThrowsError(try JSONValue.parse(#"{"a":1,}"#))
        XCTAssertThrowsError(try JSONValue.parse("[1 2]"))
        XCTAssertThrowsError(try JSONValue.parse("\"open"))
    }

    func testDigestMatchesKnownSHA256() {
        XCTAssertEqual(Digest.sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var hasher = Hasher256()
        hasher.update("a")
        hasher.update("bc")
        XCTAssertEqual(hasher.finalizeHex(), Digest.sha256Hex("abc"))
    }

    func testPathLookup() {
        let value = JSONValue.object([("model", .object([("kind", .string("dot"))]))])
        XCTAssertEqual(value.value(atPath: "model.kind"), .string("dot"))
        XCTAssertNil(value.value(atPath: "model.size"))
    }
}

/// JSON text printed on a terminal carries no raw control character.
final class JSONControlCharacterTests: XCTestCase {
    func testC0DelAndC1AreWrittenAsEscapes() throws {
        let text = "a\u{1B}]0;t\u{07}\u{7F}\u{9B}b"
        let json = JSONValue.string(text).compact
        XCTAssertEqual(json, "\"a\\u001b]0;t\\u0007\\u007f\\u009bb\"")
        XCTAssertEqual(try JSONValue.parse(json), .string(text), "lossless")
    }
}
