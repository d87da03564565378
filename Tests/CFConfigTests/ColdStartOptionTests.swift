import CFConfig
import XCTest

final class ColdStartOptionTests: XCTestCase {
    func testColdStartDefaultsToFallbackAndParsesModel() throws {
        let plain = try ConfigLoader.parse(yaml: "seed: 1\n", fileName: "a.yaml")
        XCTAssertEqual(plain.config.evaluation.coldStart, .fallback)
        let model = try ConfigLoader.parse(yaml: "evaluation: {cold_start: model}\n", fileName: "a.yaml")
        XCTAssertEqual(model.config.evaluation.coldStart, .model)
        XCTAssertEqual(ResolvedConfig.json(model.config).value(atPath: "evaluation.cold_start"), .string("model"))
    }

    func testUnknownColdStartValueNamesTheChoices() {
        XCTAssertThrowsError(try ConfigLoader.parse(yaml: "evaluation:\n  cold_start: guess\n", fileName: "a.yaml")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.hasPrefix("a.yaml:2:15: evaluation.cold_start:"), text)
            XCTAssertTrue(text.contains("fallback"), text)
        }
    }
}
