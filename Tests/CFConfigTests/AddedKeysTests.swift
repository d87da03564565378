import CFConfig
import CFCore
import XCTest

/// Keys added after the shared shape (`model.bias_init`, `model.l2`, `model.l2_exponent`,
/// `split.refit`): read and checked like the others, and invisible at their defaults, so
/// that configs that leave them alone keep their resolved form and trial keys.
final class AddedKeysTests: XCTestCase {
    private func load(_ yaml: String, _ overrides: [String] = []) throws -> ExperimentConfig {
        try ConfigLoader.parse(yaml: yaml, fileName: "a.yaml", overrides: overrides).config
    }

    func testTheKeysAreReadAndResolvedOnlyAwayFromTheirDefaults() throws {
        let plain = try load("model: {kind: dot_bias}\nsplit: {kind: random}")
        XCTAssertNil(ResolvedConfig.json(plain)["model"]?["l2"])
        XCTAssertNil(ResolvedConfig.json(plain)["model"]?["bias_init"])
        XCTAssertNil(ResolvedConfig.json(plain)["split"]?["refit"])
        XCTAssertNil(ResolvedConfig.json(plain)["model"]?["implicit"])
        let written = try load("model: {kind: dot_bias, bias_init: embedding, l2: 0, l2_exponent: 1, implicit: false}\nsplit: {refit: false}")
        XCTAssertEqual(ResolvedConfig.json(written), ResolvedConfig.json(plain))
        XCTAssertEqual(TrialKey.compute(config: written, dataFingerprint: "f"), TrialKey.compute(config: plain, dataFingerprint: "f"))

        let tuned = try load("model: {kind: dot_bias, bias_init: data, l2: 0.05, l2_exponent: 0.5, implicit: true}\nsplit: {refit: true}")
        XCTAssertTrue(tuned.model.implicit)
        XCTAssertEqual(tuned.model.biasInit, .data)
        XCTAssertEqual(tuned.model.l2, 0.05)
        XCTAssertEqual(tuned.model.l2Exponent, 0.5)
        XCTAssertTrue(tuned.split.refit)
        let json = ResolvedConfig.json(tuned)
        XCTAssertEqual(json["model"]?["bias_init"], .string("data"))
        XCTAssertEqual(json["split"]?["refit"], .bool(true))
        XCTAssertEqual(json["model"]?["implicit"], .bool(true))
        XCTAssertEqual(try load(json.compact), tuned)
        XCTAssertNotEqual(TrialKey.compute(config: tuned, dataFingerprint: "f"), TrialKey.compute(config: plain, dataFingerprint: "f"))
    }

    /// The resolved model section of a plain dot_bias config is what it was before these keys.
    func testAPlainConfigResolvesAsBefore() throws {
        let json = ResolvedConfig.json(try load("model: {kind: dot_bias, y_range: [0, 5.5]}"))
        XCTAssertEqual(json["model"]?.compact,
                       #"{"kind":"dot_bias","embedding_dim":50,"init":{"kind":"truncated_normal","std":0.01},"global_mean":false,"y_range":[0.0,5.5],"dropout":0.0}"#)
    }

    func testOutOfRangeAndMisplacedValuesAreRefusedWithTheirLine() {
        XCTAssertThrowsError(try load("model:\n  kind: dot_bias\n  l2: -0.1")) { error in
            XCTAssertTrue("\(error)".contains("a.yaml:3:7: model.l2: must be 0 or more"), "\(error)")
        }
        XCTAssertThrowsError(try load("model: {kind: dot_bias, l2_exponent: 1.5}")) { error in
            XCTAssertTrue("\(error)".contains("model.l2_exponent: must be in [0, 1]"), "\(error)")
        }
        XCTAssertThrowsError(try load("model: {kind: dot_bias, bias_init: mean}")) { error in
            XCTAssertTrue("\(error)".contains("model.bias_init"), "\(error)")
        }
        XCTAssertThrowsError(try load("model:\n  kind: nn\n  l2: 0.1")) { error in
            XCTAssertTrue("\(error)".contains("a.yaml:3:3: model.l2: does not apply to model.kind nn"), "\(error)")
        }
    }

    func testImplicitRefusesBlocksAndOtherKinds() {
        XCTAssertThrowsError(try load("model:\n  kind: dot_bias\n  implicit: true\ntraining: {blocks: 4}")) { error in
            XCTAssertTrue("\(error)".contains("a.yaml:3:13: model.implicit: adds to each user the items it rated"), "\(error)")
        }
        XCTAssertThrowsError(try load("model:\n  kind: nn\n  implicit: true")) { error in
            XCTAssertTrue("\(error)".contains("a.yaml:3:3: model.implicit: does not apply to model.kind nn"), "\(error)")
        }
    }

    func testRefitRefusesEarlyStopping() {
        XCTAssertThrowsError(try load("split:\n  refit: true\ntraining: {early_stopping: {patience: 2}}")) { error in
            XCTAssertTrue("\(error)".contains("a.yaml:2:10: split.refit: trains on the validation part too"), "\(error)")
        }
        XCTAssertThrowsError(try load("training: {early_stopping: {patience: 2}}", ["split.refit=true"])) { error in
            XCTAssertTrue("\(error)".contains("split.refit"), "\(error)")
        }
    }
}
