import CFCore
import CFExperiment
import CFTraining
import XCTest

/// Training draws depend only on what changes training (docs/streams.md).
final class StreamInvarianceTests: XCTestCase {
    /// Evaluation keys, `training.keep`, names and tags leave every training figure
    /// bit-identical: the per-epoch train_loss and the trained parameters.
    func testEvaluationKeysKeepAndNamesLeaveTrainingBitIdentical() throws {
        let base = try Experiments.train(Experiments.yaml())
        let variants: [[String]] = [
            ["evaluation.clip=true"],
            ["evaluation.ranking.k=[5]"],
            ["evaluation.cold_start=model"],
            ["training.keep=final"],
            ["name=renamed", "tags=[a, b]"],
        ]
        for overrides in variants {
            let other = try Experiments.train(Experiments.yaml(), overrides: overrides)
            XCTAssertEqual(other.series(MetricName.trainLoss), base.series(MetricName.trainLoss), "\(overrides)")
            XCTAssertEqual(other.initial.map(\.1), base.initial.map(\.1), "\(overrides)")
            XCTAssertEqual(other.parameters.map(\.1), base.parameters.map(\.1), "\(overrides)")
            if overrides != ["evaluation.clip=true"] {
                XCTAssertEqual(other.series(MetricName.trainRMSE), base.series(MetricName.trainRMSE), "\(overrides)")
            }
        }
    }

    /// Trials that share a seed and tensor shapes start from the same values (common
    /// random numbers), whatever else differs; another seed or shape draws other values.
    func testTrialsSharingSeedAndShapesShareInitialTensors() throws {
        let base = try Experiments.train(Experiments.yaml(), overrides: ["training.epochs=1"]).initial
        let otherRate = try Experiments.train(Experiments.yaml(), overrides: ["training.epochs=1", "optimizer.lr=0.05"]).initial
        XCTAssertEqual(otherRate.map(\.1), base.map(\.1))
        let dot = try Experiments.train(Experiments.yaml(kind: "dot"), overrides: ["training.epochs=1"]).initial
        XCTAssertEqual(dot.first { $0.0 == "user_embedding" }?.1, base.first { $0.0 == "user_embedding" }?.1)
        XCTAssertEqual(dot.first { $0.0 == "item_embedding" }?.1, base.first { $0.0 == "item_embedding" }?.1)
        let otherSeed = try Experiments.train(Experiments.yaml(), overrides: ["training.epochs=1", "seed=12"]).initial
        XCTAssertNotEqual(otherSeed.first?.1, base.first?.1)
        let wider = try Experiments.train(Experiments.yaml(), overrides: ["training.epochs=1", "model.embedding_dim=7"]).initial
        XCTAssertNotEqual(Array(wider.first?.1.prefix(6) ?? []), Array(base.first?.1.prefix(6) ?? []))
    }

    /// The library's convenience trainer and a prepared experiment train the same way.
    func testTrainerFromConfigEqualsPreparedExperiment() throws {
        let file = try Experiments.file(Experiments.yaml())
        let experiment = try PreparedExperiment.prepare(file)
        let viaLibrary = try Trainer(config: experiment.config, split: experiment.split, dataset: experiment.dataset)
            .run { _ in .continue }
        let viaExperiment = try experiment.trainer().run { _ in .continue }
        XCTAssertEqual(
            viaLibrary.epochs.map { $0.metrics[MetricName.validRMSE]?.bitPattern },
            viaExperiment.epochs.map { $0.metrics[MetricName.validRMSE]?.bitPattern })
        XCTAssertEqual(experiment.streams, RandomStreams(seed: 11, scheme: .perTensor))
    }

    /// Semantics 1 derived the base seed from the trial key and drew every tensor from one stream.
    func testSemanticsOneKeepsTheTrialKeyedSequentialStreams() throws {
        let file = try Experiments.file(Experiments.yaml())
        var preparer = ExperimentPreparer(file: file)
        let old = try preparer.prepare(file.config, semantics: .original)
        XCTAssertEqual(old.streams.scheme, .sequential)
        XCTAssertEqual(old.streams.seed, RandomStreams.derive(11, old.trialKey))
        let current = try preparer.prepare(file.config)
        XCTAssertNotEqual(old.trialKey, current.trialKey, "the semantics version is part of the trial key")
    }
}
