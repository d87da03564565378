import CFConfig
import CFCore
import CFData
import CFModels
import CFTestSupport
@testable import CFTraining
import XCTest

/// The trainer on real models and planted data: metrics, determinism, divergence.
final class TrainerTests: XCTestCase {
    private func train(_ config: ExperimentConfig, split: DataSplit = Planted.split) throws -> TrainingResult {
        try Trainer(config: config, split: split, dataset: Planted.dataset, streams: RandomStreams(seed: config.seed))
            .run { _ in .continue }
    }

    func testSameConfigAndSeedGiveBitwiseIdenticalEpochs() throws {
        var config = Planted.config(.dotBias, epochs: 2)
        config.model.dropout = Dropout(user: 0.3, item: 0.6)
        config.model.yRange = .fixed(low: 0, high: 5.5)
        config.optimizer.kind = .adamw
        config.optimizer.weightDecay = 0.1
        config.schedule.kind = .oneCycle
        let first = try train(config)
        let second = try train(config)
        XCTAssertEqual(first.epochs.map(\.reproducibleMetrics), second.epochs.map(\.reproducibleMetrics))
        XCTAssertEqual(first.epochs.map(\.trace), second.epochs.map(\.trace))
        XCTAssertEqual(first.model.parameters.map(\.values), second.model.parameters.map(\.values))
        config.training.threads = 2
        XCTAssertEqual(try train(config).epochs.map(\.reproducibleMetrics), first.epochs.map(\.reproducibleMetrics))
    }

    func testEpochReportsCarryEveryMetricAndABoundedTrace() throws {
        var config = Planted.config(.dot, epochs: 2)
        config.training.batchSize = 8  // 600 steps per epoch
        config.schedule.kind = .oneCycle
        config.evaluation.ranking.every = .never  // ranking metrics: RankingTrainerTests
        let result = try train(config)
        XCTAssertEqual(result.status, .completed)
        for report in result.epochs {
            XCTAssertEqual(
                Set(report.metrics.keys),
                ["train_loss", "train_rmse", "valid_rmse", "valid_mae", "lr", "seconds", "ratings_per_second", "cold_start"]
            )
            XCTAssertLessThanOrEqual(report.trace.count, EpochReport.maximumTracePoints)
            XCTAssertGreaterThan(report.trace.count, 100)
        }
        let steps = (Planted.split.train.count + 7) / 8
        let last = Schedule(config: config.schedule, learningRate: 0.01, beta1: 0.9)
            .value(step: 2 * steps - 1, totalSteps: 2 * steps, stepsPerEpoch: steps)
        XCTAssertEqual(result.finalMetrics["lr"] ?? .nan, last.learningRate, accuracy: 1e-15)
        XCTAssertEqual(result.epochs[0].trace.first?.beta1 ?? .nan, 0.95, accuracy: 1e-12)
    }

    func testHugeLearningRateDiverges() throws {
        var config = Planted.config(.dot, epochs: 3, learningRate: 1e4)
        config.optimizer.kind = .sgd
        let result = try train(config)
        XCTAssertEqual(result.status, .diverged)
        XCTAssertTrue(result.finalMetrics.values.contains { !$0.isFinite })
    }

    func testTestMetricsAndSingleEvaluationOfParameterFreeModels() throws {
        var splitConfig = SplitConfig()
        splitConfig.test = 0.1
        let split = try Splitter.split(Planted.dataset, config: splitConfig, seed: 5)
        let result = try train(Planted.config(.globalMean, epochs: 5), split: split)
        XCTAssertEqual(result.epochs.count, 1, "a model without parameters is evaluated once")
        XCTAssertEqual(result.testMetrics?["count"], Double(split.test?.count ?? -1))
        XCTAssertNotNil(result.testMetrics?["rmse"])
        XCTAssertNil(result.bestParameters)
        XCTAssertNil(result.finalMetrics["lr"], "no steps, no learning rate")
        let trainRMSE = result.finalMetrics["train_rmse"] ?? .nan
        XCTAssertEqual(result.finalMetrics["train_loss"] ?? .nan, trainRMSE * trainRMSE, accuracy: 1e-12)
    }

    func testRestoreBestCoversBuffers() throws {
        var config = Planted.config(.nn, epochs: 3, learningRate: 0.05)
        config.model.embeddingDim = .fixed(8)
        config.model.layers = [16]
        config.model.batchnorm = true
        config.training.earlyStopping = EarlyStopping(patience: 1)
        let result = try train(config)
        let snapshot = try XCTUnwrap(result.bestParameters)
        XCTAssertEqual(snapshot.names, result.model.savedTensors.map(\.name))
        XCTAssertGreaterThan(snapshot.names.count, result.model.parameters.count, "batchnorm running statistics are saved")
        XCTAssertEqual(result.modelEpoch, result.bestEpoch)
        XCTAssertEqual(result.model.savedTensors.map(\.values), snapshot.values)
    }

    func testInvalidSettingsAreRejected() {
        var config = Planted.config(.dot)
        config.training.batchSize = 0
        XCTAssertThrowsError(try Trainer(config: config, split: Planted.split, dataset: Planted.dataset)) { error in
            XCTAssertEqual(error as? TrainingError, .invalidSetting(key: "training.batch_size", message: "must be at least 1, got 0"))
        }
    }
}
