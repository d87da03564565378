import CFConfig
import CFCore
import XCTest

/// The resolved form, its YAML printing and round trip, and the trial key.
final class ResolvedConfigTests: XCTestCase {
    private func load(_ yaml: String, _ overrides: [String] = []) throws -> ExperimentConfig {
        try ConfigLoader.parse(yaml: yaml, fileName: "a.yaml", overrides: overrides).config
    }

    func testResolvedKeysFollowTheConfigOrderAndOnlyApplicableOnes() throws {
        let json = ResolvedConfig.json(try load(Fixtures.oneRun))
        XCTAssertEqual(json.objectValue?.map(\.0), [
            "version", "name", "description", "tags", "seed", "data", "split", "model",
            "optimizer", "schedule", "training", "evaluation",
        ])
        XCTAssertEqual(json["model"]?.objectValue?.map(\.0), ["kind", "embedding_dim", "init", "global_mean", "y_range", "dropout"])
        XCTAssertEqual(json["optimizer"]?.objectValue?.map(\.0),
                       ["kind", "lr", "betas", "eps", "weight_decay", "weight_decay_mode", "dense"])
        XCTAssertEqual(json["data"]?.objectValue?.map(\.0), ["source", "name", "path", "duplicates"])
        XCTAssertEqual(json["split"]?.objectValue?.map(\.0), ["kind", "valid", "test", "seed"])
    }

    func testRoundTripThroughJSONGivesAnEqualConfig() throws {
        let sources = [
            Fixtures.oneRun,
            "model: {kind: nn, embedding_dim: {user: 64, item: 128}, dropout: {user: 0.3, item: 0.6}, layers: [8, 4]}",
            "data: {source: csv, path: r.csv, csv: {columns: {user: userId, timestamp: null}, delimiter: ';'}}",
            "split: {kind: predefined, fold: ua}\nmodel: {kind: biases}\noptimizer: {kind: sgd, momentum: 0.9}",
            "split: {kind: kfold, folds: 10, fold: 3, seed: 5}\nschedule: {kind: step, step_size: 2, gamma: 0.5}",
            "split: {kind: temporal, last_n: 2}\nschedule: {kind: cosine, warmup: 0.1}\ntraining: {early_stopping: {patience: 4}}",
        ]
        for source in sources {
            let config = try load(source)
            let json = ResolvedConfig.json(config)
            XCTAssertEqual(try load(json.compact), config, json.compact)
            XCTAssertEqual(try load(ResolvedConfig.yaml(config)), config, ResolvedConfig.yaml(config))
        }
    }

    func testInapplicableDifferencesResolveIdentically() throws {
        var first = try load("model: {kind: dot}")
        var second = first
        first.model.layers = [7]
        second.optimizer.momentum = 0.5
        XCTAssertEqual(ResolvedConfig.json(first), ResolvedConfig.json(second))
    }

    func testTrialKeyIgnoresNameTagsThreadsAndKeep() throws {
        let base = try load(Fixtures.oneRun)
        let key = TrialKey.compute(config: base, dataFingerprint: "abc")
        XCTAssertEqual(key.count, 64)
        var renamed = base
        renamed.name = "other"
        renamed.description = "changed"
        renamed.tags = ["x"]
        renamed.training.threads = 2
        renamed.training.keep = .none
        renamed.data.name = "ml-100k-copy"
        XCTAssertEqual(TrialKey.compute(config: renamed, dataFingerprint: "abc"), key)
    }

    func testTrialKeyChangesWithResultsAffectingFields() throws {
        let base = try load(Fixtures.oneRun)
        let key = TrialKey.compute(config: base, dataFingerprint: "abc")
        var faster = base
        faster.optimizer.learningRate = 1e-2
        XCTAssertNotEqual(TrialKey.compute(config: faster, dataFingerprint: "abc"), key)
        XCTAssertNotEqual(TrialKey.compute(config: base, dataFingerprint: "abd"), key)
        var newer = base
        newer.version = 2
        XCTAssertNotEqual(TrialKey.compute(config: newer, dataFingerprint: "abc"), key)
        let keyed = TrialKey.keyedJSON(config: base, dataFingerprint: "abc")
        XCTAssertNil(keyed["name"])
        XCTAssertNil(keyed["data"]?["name"])
        XCTAssertEqual(keyed["data"]?["fingerprint"], .string("abc"))
        XCTAssertEqual(keyed["data"]?["source"], .string("movielens"))
    }
}
