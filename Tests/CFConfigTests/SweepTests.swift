import CFConfig
import CFCore
import XCTest

/// Sweep expansion: grid order, random sampling, seeds, dropped keys and merged trials.
final class SweepTests: XCTestCase {
    private func plan(_ yaml: String) throws -> SweepPlan {
        try SweepExpander.expand(try ConfigLoader.parse(yaml: yaml, fileName: "s.yaml"))
    }

    func testTheExampleSweepDropsInapplicableKeysAndMergesTrials() throws {
        let plan = try plan(Fixtures.sweep)
        // dot ignores dropout, so its 8 points shrink to 4: 20 distinct points x 3 seeds.
        XCTAssertEqual(plan.count, 60)
        XCTAssertEqual(plan.merges.count, 12)
        XCTAssertFalse(plan.exceedsMaxTrials)
        let merge = plan.merges[0]
        XCTAssertEqual(merge.assignment.map(\.description),
                       ["model.kind=dot", "model.embedding_dim=16", "model.dropout=0.3", "optimizer.weight_decay=0.0001"])
        XCTAssertEqual(plan.trials[merge.keptTrial].assignment[2].value, .double(0.0))
        XCTAssertTrue(merge.notes.contains("dropped model.dropout (does not apply to model.kind dot)"), "\(merge.notes)")
        XCTAssertTrue(plan.trials[0].notes.contains("dropped model.y_range (does not apply to model.kind dot)"))
        XCTAssertEqual(plan.varyingKeys(), ["seed", "model.kind", "model.embedding_dim", "model.global_mean", "model.y_range",
                                            "model.dropout", "model.layers", "model.layer_dropout", "model.batchnorm",
                                            "optimizer.weight_decay", "training.blocks", "training.shards"])
    }

    func testGridOrderIsFileOrderWithTheFirstKeySlowest() throws {
        let plan = try plan(Fixtures.minimal + """
        sweep:
          parameters:
            model.embedding_dim: [4, 8]
            optimizer.lr: [0.1, 0.2, 0.3]
        """)
        XCTAssertEqual(plan.count, 6)
        XCTAssertEqual(plan.trials.map { $0.assignment.map(\.description).joined(separator: " ") }, [
            "model.embedding_dim=4 optimizer.lr=0.1", "model.embedding_dim=4 optimizer.lr=0.2",
            "model.embedding_dim=4 optimizer.lr=0.3", "model.embedding_dim=8 optimizer.lr=0.1",
            "model.embedding_dim=8 optimizer.lr=0.2", "model.embedding_dim=8 optimizer.lr=0.3",
        ])
        XCTAssertEqual(plan.trials[4].config.optimizer.learningRate, 0.2)
        XCTAssertEqual(plan.trials[4].config.model.embeddingDim, .fixed(8))
    }

    func testSeedsRepeatAndTheSplitStaysPinned() throws {
        let plan = try plan("seed: 10\n" + Fixtures.minimal + "sweep: {parameters: {optimizer.lr: [0.1]}, repeats: 3}\n")
        XCTAssertEqual(plan.trials.map(\.seed), [10, 11, 12])
        XCTAssertEqual(plan.trials.map(\.config.split.seed), [10, 10, 10])
        XCTAssertEqual(plan.varyingKeys(), ["seed"])
    }

    func testSweepingTheSplitSeedVariesTheSplit() throws {
        let plan = try plan(Fixtures.minimal + "sweep: {parameters: {split.seed: [1, 2]}}\n")
        XCTAssertEqual(plan.trials.map(\.config.splitSeed), [1, 2])
    }

    func testRandomSamplingIsDeterministicAndRespectsLogRanges() throws {
        let yaml = Fixtures.minimal + """
        sweep:
          method: random
          parameters:
            optimizer.lr: {min: 1.0e-4, max: 1.0e-1, log: true}
            model.embedding_dim: {min: 4, max: 64, int: true}
            model.kind: [dot_bias, nn]
          samples: 200
          sampler_seed: 3
        """
        let first = try plan(yaml)
        let second = try plan(yaml)
        XCTAssertEqual(first.trials.map(\.assignment), second.trials.map(\.assignment))
        XCTAssertEqual(first.count, 200)
        let rates = first.trials.map(\.config.optimizer.learningRate)
        XCTAssertTrue(rates.allSatisfy { $0 >= 1e-4 && $0 < 1e-1 })
        // Log-uniform: about a third of the draws fall in each decade.
        let lowestDecade = rates.filter { $0 < 1e-3 }.count
        XCTAssertTrue((40...95).contains(lowestDecade), "\(lowestDecade)")
        for trial in first.trials {
            guard case let .fixed(size) = trial.config.model.embeddingDim else { return XCTFail("size") }
            XCTAssertTrue((4...64).contains(size))
        }
        XCTAssertEqual(Set(first.trials.map(\.config.model.kind)), [.dotBias, .nn])
    }

    func testSweepPathsMustNameRealKeys() {
        XCTAssertEqual(issueLines(Fixtures.minimal + "sweep:\n  parameters:\n    model.dropuot: [0.1]\n", fileName: "s.yaml"), [
            "s.yaml:5:5: sweep.parameters.model.dropuot: unknown key (did you mean 'model.dropout'?)",
        ])
    }

    func testRangesNeedRandomSweeps() {
        XCTAssertEqual(issueLines(Fixtures.minimal + "sweep: {parameters: {optimizer.lr: {min: 0.1, max: 1}}}\n", fileName: "s.yaml"), [
            "s.yaml:3:36: sweep.parameters.optimizer.lr: min/max ranges need method: random or tpe; list the values for a grid",
        ])
    }

    func testBadSweptValuesPointAtTheirParameter() throws {
        let file = try ConfigLoader.parse(yaml: Fixtures.minimal + "sweep:\n  parameters:\n    model.dropout: [0.1, 1.5]\n",
                                          fileName: "s.yaml")
        XCTAssertThrowsError(try SweepExpander.expand(file)) { error in
            XCTAssertEqual((error as? ConfigError)?.description,
                           "s.yaml:5:5: model.dropout: must be in [0, 1), got '1.5' (in the trial model.dropout=1.5)")
        }
    }

    func testMaxTrialsIsReported() throws {
        let plan = try plan(Fixtures.minimal + "sweep: {parameters: {optimizer.lr: [0.1, 0.2, 0.3]}, max_trials: 2}\n")
        XCTAssertTrue(plan.exceedsMaxTrials)
    }

    func testSingleRunFileIsAPlanOfOneTrial() throws {
        let plan = try plan(Fixtures.minimal)
        XCTAssertEqual(plan.count, 1)
        XCTAssertEqual(plan.varyingKeys(), [])
    }
}
