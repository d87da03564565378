import CFConfig
import XCTest

/// Every kind of error, with its exact `file:line:column: key.path: message` text.
final class ConfigErrorTests: XCTestCase {
    func testUnknownKeyOffersTheClosestKey() {
        let yaml = """
        data: {source: synthetic}
        model:
          kind: dot_bias
          dropuot: 0.3
        """
        XCTAssertEqual(issueLines(yaml, fileName: "experiments/a.yaml"), [
            "experiments/a.yaml:4:3: model.dropuot: unknown key (did you mean 'dropout'?)",
        ])
    }

    func testUnknownKeyWithoutCloseMatchListsAllowedKeys() {
        XCTAssertEqual(issueLines("training: {zzzzzzzz: 1}"), [
            "a.yaml:1:12: training.zzzzzzzz: unknown key; allowed: epochs, batch_size, early_stopping, keep, threads, blocks, shards",
        ])
    }

    func testTypeErrors() {
        let yaml = """
        optimizer: {lr: abc}
        training: {epochs: 2.5, batch_size: [1]}
        evaluation: {clip: maybe}
        """
        XCTAssertEqual(issueLines(yaml), [
            "a.yaml:1:17: optimizer.lr: expected a number, got 'abc'",
            "a.yaml:2:20: training.epochs: expected a whole number, got '2.5'",
            "a.yaml:2:37: training.batch_size: expected a whole number, got a list",
            "a.yaml:3:20: evaluation.clip: expected true or false, got 'maybe'",
        ])
    }

    func testOutOfRangeValues() {
        let yaml = """
        split: {valid: 0.6, test: 0.4}
        model: {dropout: 1.0}
        optimizer: {lr: -0.001}
        training: {epochs: 0, batch_size: 0}
        """
        XCTAssertEqual(issueLines(yaml), [
            "a.yaml:1:27: split.test: split.valid + split.test must be below 1 so that some ratings remain for training",
            "a.yaml:2:18: model.dropout: must be in [0, 1), got '1.0'",
            "a.yaml:3:17: optimizer.lr: must be greater than 0, got '-0.001'",
            "a.yaml:4:20: training.epochs: must be at least 1, got 0",
            "a.yaml:4:35: training.batch_size: must be at least 1, got 0",
        ])
    }

    /// Synthetic ratings are distinct (user, item) pairs: asking for more is an error, never fewer in silence.
    func testSyntheticRatingsBeyondThePairsAreRefused() {
        XCTAssertEqual(issueLines("data: {source: synthetic, synthetic: {users: 10, items: 20, ratings: 500}}"), [
            "a.yaml:1:70: data.synthetic.ratings: 500 ratings is more than the 10 × 20 = 200 distinct (user, item) pairs; "
                + "lower ratings or raise users or items",
        ])
        XCTAssertEqual(issueLines("data: {source: synthetic, synthetic: {users: 10, items: 20}}"), [
            "a.yaml:1:38: data.synthetic.ratings: 100000 ratings (the default) is more than the 10 × 20 = 200 distinct "
                + "(user, item) pairs; lower ratings or raise users or items",
        ])
        XCTAssertEqual(issueLines("data: {source: synthetic, synthetic: {users: 10, items: 20, ratings: 200}}"), [])
    }

    func testBadEnumValueListsTheAllowedOnes() {
        XCTAssertEqual(issueLines("model: {kind: dot_bais}"), [
            "a.yaml:1:15: model.kind: unknown value 'dot_bais' (did you mean 'dot_bias'?); expected one of dot, dot_bias, nn, global_mean, biases",
        ])
    }

    func testMalformedYAMLGivesOneLineWithItsPosition() {
        let lines = issueLines("model:\n  kind: [dot\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("a.yaml:3:1: invalid YAML: "), lines[0])
        XCTAssertFalse(lines[0].contains("\n"))
    }

    func testDuplicatedKeyIsReported() {
        let lines = issueLines("seed: 1\nseed: 2\n")
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].contains("duplicated key 'seed'"), lines[0])
    }

    func testEveryErrorIsReportedAtOnce() {
        let yaml = """
        seed: -1
        data: {source: movielens}
        model: {kind: dot, embedding_dim: 0, dropuot: 0.1}
        optimizer: {kind: adamw, weight_decay_mode: l2}
        """
        XCTAssertEqual(issueLines(yaml), [
            "a.yaml:1:7: seed: must be at least 0, got -1",
            "a.yaml:2:7: data: data.source movielens needs name (a folder under $CFLAB_DATA such as ml-100k) or path",
            "a.yaml:3:35: model.embedding_dim: must be at least 1, got 0",
            "a.yaml:3:38: model.dropuot: unknown key (did you mean 'dropout'?)",
            "a.yaml:4:45: optimizer.weight_decay_mode: adamw is Adam with decoupled weight decay; use kind: adam for L2, or remove weight_decay_mode",
        ])
    }

    func testAdamwImpliesDecoupledWeightDecay() throws {
        let file = try ConfigLoader.parse(yaml: Fixtures.minimal + "optimizer: {kind: adamw}\n", fileName: "a.yaml")
        XCTAssertEqual(file.config.optimizer.weightDecayMode, .decoupled)
        let adam = try ConfigLoader.parse(yaml: Fixtures.minimal + "optimizer: {kind: adam}\n", fileName: "a.yaml")
        XCTAssertEqual(adam.config.optimizer.weightDecayMode, .l2)
    }

    func testInapplicableKeysAreErrorsInASingleRun() {
        let yaml = """
        data: {source: synthetic}
        model: {kind: dot, dropout: 0.3, layers: [10]}
        optimizer: {kind: adam, momentum: 0.9}
        schedule: {kind: constant, pct_start: 0.3}
        """
        XCTAssertEqual(issueLines(yaml), [
            "a.yaml:2:20: model.dropout: does not apply to model.kind dot; it is used only with model.kind dot_bias or nn. Remove it",
            "a.yaml:2:34: model.layers: does not apply to model.kind dot; it is used only with model.kind nn. Remove it",
            "a.yaml:3:25: optimizer.momentum: does not apply to optimizer.kind adam; it is used only with optimizer.kind sgd. Remove it",
            "a.yaml:4:28: schedule.pct_start: does not apply to schedule.kind constant; it is used only with schedule.kind one_cycle. Remove it",
        ])
    }

    func testBlocksNeedARowTableModelAndALazyOptimizer() {
        XCTAssertEqual(issueLines("data: {source: synthetic}\nmodel: {kind: nn}\ntraining: {blocks: 4}\n"), [
            "a.yaml:3:12: training.blocks: does not apply to model.kind nn; it is used only with model.kind dot, dot_bias or biases and a lazy optimizer (optimizer.dense false). Remove it",
        ])
        XCTAssertEqual(issueLines("data: {source: synthetic}\noptimizer: {kind: adamw, dense: true}\ntraining: {blocks: 4}\n"), [
            "a.yaml:3:12: training.blocks: does not apply to optimizer.dense true; it is used only with model.kind dot, dot_bias or biases and a lazy optimizer (optimizer.dense false). Remove it",
        ])
        XCTAssertEqual(issueLines("data: {source: synthetic}\ntraining: {blocks: 65}\n"), [
            "a.yaml:2:20: training.blocks: must be at most 64 (cflab's limit, see docs/config.md), got 65",
        ])
        let blocked = try? ConfigLoader.parse(yaml: "data: {source: synthetic}\ntraining: {blocks: 4}\n", fileName: "a.yaml")
        XCTAssertEqual(blocked?.config.training.blocks, 4)
    }

    func testShardsNeedTheNetworkModel() {
        XCTAssertEqual(issueLines("data: {source: synthetic}\nmodel: {kind: dot_bias}\ntraining: {shards: 2}\n"), [
            "a.yaml:3:12: training.shards: does not apply to model.kind dot_bias; it is used only with model.kind nn. Remove it",
        ])
        XCTAssertEqual(issueLines("data: {source: synthetic}\nmodel: {kind: nn}\ntraining: {shards: 0}\n"), [
            "a.yaml:3:20: training.shards: must be at least 1, got 0",
        ])
        let sharded = try? ConfigLoader.parse(yaml: "data: {source: synthetic}\nmodel: {kind: nn}\ntraining: {shards: 2}\n", fileName: "a.yaml")
        XCTAssertEqual(sharded?.config.training.shards, 2)
    }

    func testInapplicableKeysWithTheirDefaultValueAreAccepted() {
        XCTAssertEqual(issueLines(Fixtures.minimal + "optimizer: {kind: adam, momentum: 0.0}\n"), [])
    }

    func testAutoEmbeddingSizeNeedsTheNetworkModel() {
        XCTAssertEqual(issueLines("model: {kind: dot_bias, embedding_dim: auto}"), [
            "a.yaml:1:40: model.embedding_dim: auto and per-side sizes need model.kind nn; give one size such as 50 for dot_bias",
        ])
        XCTAssertEqual(issueLines("model: {kind: nn, embedding_dim: {user: 64, item: 128}}"), [])
    }

    func testInitializerKeysDependOnItsKind() {
        XCTAssertEqual(issueLines("model: {init: {kind: normal, low: 0.1}}"), [
            "a.yaml:1:30: model.init.low: does not apply to init kind normal (it takes std)",
        ])
    }

    func testCSVNeedsAPath() {
        XCTAssertEqual(issueLines("data: {source: csv}"), [
            "a.yaml:1:7: data: data.source csv needs csv.path (or path), the ratings file to read",
        ])
    }
}
