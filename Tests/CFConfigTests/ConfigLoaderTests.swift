import CFConfig
import CFTestSupport
import Foundation
import XCTest

/// Loading: the CONFIG.md examples, defaults, `base:` inheritance and `--set` overrides.
final class ConfigLoaderTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try TemporaryFolder.make(for: self, prefix: "cfconfig").path
    }

    private func write(_ name: String, _ text: String) throws -> String {
        try TemporaryFolder.write(text, named: name, in: URL(fileURLWithPath: folder))
    }

    func testTheOneRunExampleParses() throws {
        let file = try ConfigLoader.parse(yaml: Fixtures.oneRun, fileName: "experiments/ref-fastai-dot-bias.yaml")
        let config = file.config
        XCTAssertNil(file.sweep)
        XCTAssertEqual(config.name, "ref-fastai-dot-bias")
        XCTAssertEqual(config.tags, ["reference", "fastai"])
        XCTAssertEqual(config.data.source, .movielens)
        XCTAssertEqual(config.data.name, "ml-100k")
        XCTAssertEqual(config.model.kind, .dotBias)
        XCTAssertEqual(config.model.yRange, .fixed(low: 0, high: 5.5))
        XCTAssertEqual(config.optimizer.kind, .adamw)
        XCTAssertEqual(config.optimizer.learningRate, 5e-3, accuracy: 1e-15)
        XCTAssertEqual(config.optimizer.beta2, 0.99, accuracy: 1e-15)
        XCTAssertEqual(config.schedule.kind, .oneCycle)
        XCTAssertEqual(config.schedule.div, 25, accuracy: 0)
        XCTAssertNil(config.training.earlyStopping)
        XCTAssertEqual(config.splitSeed, 42)
    }

    func testTheSweepExampleParses() throws {
        let file = try ConfigLoader.parse(yaml: Fixtures.sweep, fileName: "experiments/sweep-small.yaml")
        let sweep = try XCTUnwrap(file.sweep)
        XCTAssertEqual(sweep.method, .grid)
        XCTAssertEqual(sweep.parameters.map(\.path), ["model.kind", "model.embedding_dim", "model.dropout", "optimizer.weight_decay"])
        XCTAssertEqual(sweep.seeds, [1, 2, 3])
        XCTAssertEqual(sweep.plannedCount, 72)
        XCTAssertEqual(file.config.training.earlyStopping, EarlyStopping(patience: 2))
    }

    func testTheCommittedExperimentsParse() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../experiments").standardizedFileURL.path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
        for name in names {
            XCTAssertNoThrow(try ConfigLoader.load(path: folder + "/" + name), name)
        }
    }

    func testDefaultsFillEveryMissingKey() throws {
        let config = try ConfigLoader.parse(yaml: "", fileName: "experiments/bare.yaml").config
        var expected = ExperimentConfig()
        expected.name = "bare"
        expected.split.seed = nil
        XCTAssertEqual(config, expected)
    }

    func testIntegersAreAcceptedWhereNumbersAreExpected() throws {
        let config = try ConfigLoader.parse(yaml: "optimizer: {lr: 1, weight_decay: 0}", fileName: "a.yaml").config
        XCTAssertEqual(config.optimizer.learningRate, 1)
    }

    func testBaseIsInheritedAndThisFileWins() throws {
        _ = try write("base.yaml", """
        version: 1
        seed: 7
        model: {kind: dot_bias, embedding_dim: 32, init: {kind: uniform, low: -0.05, high: 0.05}}
        optimizer: {kind: adam, lr: 0.01}
        """)
        let child = try write("child.yaml", """
        version: 1
        base: base.yaml
        model: {init: {kind: normal, std: 0.1}}
        optimizer: {lr: 0.001}
        """)
        let config = try ConfigLoader.load(path: child).config
        XCTAssertEqual(config.name, "child")
        XCTAssertEqual(config.seed, 7)
        XCTAssertEqual(config.model.embeddingDim, .fixed(32))
        XCTAssertEqual(config.model.initializer, .normal(std: 0.1))
        XCTAssertEqual(config.optimizer.learningRate, 0.001)
    }

    func testInheritedInapplicableKeysAreDroppedSilently() throws {
        _ = try write("net.yaml", "version: 1\nmodel: {kind: nn, layers: [64], batchnorm: true}\n")
        let child = try write("dot.yaml", "version: 1\nbase: net.yaml\nmodel: {kind: dot}\n")
        XCTAssertEqual(try ConfigLoader.load(path: child).config.model.layers, ModelConfig().layers)
    }

    func testBaseCyclesAreReported() throws {
        _ = try write("x.yaml", "version: 1\nbase: y.yaml\n")
        let y = try write("y.yaml", "version: 1\nbase: x.yaml\n")
        XCTAssertThrowsError(try ConfigLoader.load(path: y)) { error in
            XCTAssertEqual((error as? ConfigError)?.description,
                           "\(folder)/x.yaml:2:7: base: inheritance cycle y.yaml -> x.yaml -> y.yaml; remove one of the base: keys")
        }
    }

    func testMissingBaseFileIsReportedAtTheBaseKey() {
        XCTAssertEqual(issueLines("base: nowhere.yaml", fileName: "experiments/a.yaml"), [
            "experiments/a.yaml:1:7: base: cannot read experiment file experiments/nowhere.yaml: no such file",
        ])
    }

    func testOverridesReplaceValues() throws {
        let file = try ConfigLoader.parse(yaml: Fixtures.minimal, fileName: "a.yaml", overrides: [
            "optimizer.lr=1e-3", "model.dropout={user: 0.3, item: 0.6}", "training.early_stopping={patience: 3}", "seed=9",
        ])
        XCTAssertEqual(file.config.optimizer.learningRate, 1e-3)
        XCTAssertEqual(file.config.model.dropout, Dropout(user: 0.3, item: 0.6))
        XCTAssertEqual(file.config.training.earlyStopping?.patience, 3)
        XCTAssertEqual(file.config.seed, 9)
    }

    func testUnknownOverrideKeyNamesSet() {
        XCTAssertEqual(issueLines(Fixtures.minimal, overrides: ["model.dropuot=0.3", "seed"]), [
            "--set: model.dropuot: unknown key (did you mean 'model.dropout'?)",
            "--set: expected key.path=value, got 'seed'",
        ])
    }

    func testBadOverrideValueNamesSet() {
        XCTAssertEqual(issueLines(Fixtures.minimal, overrides: ["optimizer.lr=fast"]), [
            "--set: optimizer.lr: expected a number, got 'fast'",
        ])
    }

    func testOverridesCanMakeKeysInapplicable() {
        XCTAssertEqual(issueLines("model: {kind: nn, layers: [10]}", overrides: ["model.kind=dot"]), [
            "a.yaml:1:19: model.layers: does not apply to model.kind dot; it is used only with model.kind nn. Remove it",
        ])
    }
}
