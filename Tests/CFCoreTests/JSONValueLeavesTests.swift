import CFCore
import XCTest

final class JSONValueLeavesTests: XCTestCase {
    private func flattened(_ value: JSONValue) -> [String] {
        value.leaves.map { "\($0.key)=\($0.value.compact)" }
    }

    func testNestedObjectsFlattenToDottedKeysInDocumentOrder() {
        let value = JSONValue.object([
            ("version", .int(1)),
            ("model", .object([("kind", .string("nn")), ("layers", .array([.int(100), .int(50)])), ("dropout", .null)])),
            ("training", .object([("early_stopping", .object([("patience", .int(2))])), ("epochs", .int(5))])),
            ("name", .string("x")),
        ])
        XCTAssertEqual(flattened(value), [
            "version=1", "model.kind=\"nn\"", "model.layers=[100,50]", "model.dropout=null",
            "training.early_stopping.patience=2", "training.epochs=5", "name=\"x\"",
        ])
    }

    func testArraysAndEmptyObjectsAreLeavesKeptWhole() {
        let value = JSONValue.object([
            ("y_range", .array([.double(0), .object([("a", .int(1))])])),
            ("early_stopping", .object([])),
        ])
        XCTAssertEqual(flattened(value), ["y_range=[0.0,{\"a\":1}]", "early_stopping={}"])
    }

    func testAValueWithoutKeysHasNoLeaves() {
        XCTAssertTrue(JSONValue.object([]).leaves.isEmpty)
        XCTAssertTrue(JSONValue.int(3).leaves.isEmpty)
        XCTAssertTrue(JSONValue.array([.int(1)]).leaves.isEmpty)
        XCTAssertTrue(JSONValue.null.leaves.isEmpty)
    }

    func testEveryLeafIsFoundAgainAtItsPath() {
        let value = JSONValue.object([("a", .object([("b", .object([("c", .bool(true))])), ("d", .double(1e-3))]))])
        for leaf in value.leaves {
            XCTAssertEqual(value.value(atPath: leaf.key), leaf.value, leaf.key)
        }
    }
}
