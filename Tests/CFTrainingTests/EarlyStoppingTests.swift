import CFConfig
import CFCore
import CFData
import CFModels
@testable import CFTraining
import XCTest

/// Early stopping, restore_best and the stop callback, driven by a scripted fake model.
final class EarlyStoppingTests: XCTestCase {
    /// Four training ratings (one batch per epoch) and all-zero validation ratings, so
    /// valid_rmse is exactly the scripted error.
    private let split = DataSplit(
        train: RatingSet(users: [0, 1, 0, 1], items: [0, 0, 1, 1], ratings: [1, 2, 3, 4], timestamps: [0, 0, 0, 0]),
        valid: RatingSet(users: [0, 1], items: [1, 0], ratings: [0, 0], timestamps: [0, 0]),
        test: nil, fingerprint: "scripted"
    )

    private func run(
        errors: [Float], epochs: Int, stopping: EarlyStopping?, onEpoch: (EpochReport) -> TrainingControl = { _ in .continue }
    ) throws -> (TrainingResult, ScriptedModel) {
        var config = ExperimentConfig()
        config.training.epochs = epochs
        config.training.batchSize = 4
        config.training.earlyStopping = stopping
        let model = ScriptedModel(errors: errors)
        let trainer = try Trainer(
            config: config, split: split, userCount: 2, itemCount: 2, streams: RandomStreams(seed: 1)
        ) { _, _, _ in model }
        return (try trainer.run(onEpoch: onEpoch), model)
    }

    func testPatienceStopsAfterEpochsWithoutImprovementAndRestoresBest() throws {
        let (result, model) = try run(errors: [1.0, 0.5, 0.6, 0.55, 0.7, 0.3], epochs: 6, stopping: EarlyStopping(patience: 2))
        XCTAssertEqual(result.status, .completed)
        XCTAssertTrue(result.earlyStopped)
        XCTAssertEqual(result.epochs.map(\.epoch), [1, 2, 3, 4])
        XCTAssertEqual(result.bestEpoch, 2)
        XCTAssertEqual(result.bestMetrics["valid_rmse"] ?? .nan, 0.5, accuracy: 1e-7)
        XCTAssertEqual(result.finalMetrics["valid_rmse"] ?? .nan, 0.55, accuracy: 1e-7)
        XCTAssertEqual(result.modelEpoch, 2)
        XCTAssertEqual(model.counter.values, [2], "the best epoch's parameters are back in the model")
    }

    func testMinDeltaIgnoresSmallImprovements() throws {
        let errors: [Float] = [1.0, 0.9, 0.85, 0.5]
        let (strict, _) = try run(errors: errors, epochs: 4, stopping: EarlyStopping(patience: 2, minDelta: 0.2))
        XCTAssertEqual(strict.epochs.count, 3)
        XCTAssertEqual(strict.bestEpoch, 1)
        let (loose, _) = try run(errors: errors, epochs: 4, stopping: EarlyStopping(patience: 2, minDelta: 0))
        XCTAssertEqual(loose.epochs.count, 4)
        XCTAssertFalse(loose.earlyStopped)
        XCTAssertEqual(loose.bestEpoch, 4)
    }

    func testWithoutRestoreBestTheModelKeepsItsFinalParameters() throws {
        let stopping = EarlyStopping(patience: 2, restoreBest: false)
        let (result, model) = try run(errors: [1.0, 0.5, 0.6, 0.55], epochs: 6, stopping: stopping)
        XCTAssertEqual(result.modelEpoch, 4)
        XCTAssertEqual(model.counter.values, [4])
        // keep: best (the default) still captures the best epoch for the store.
        XCTAssertEqual(result.bestParameters?.values(named: "counter"), [2])
    }

    func testCallbackStopEndsTheRun() throws {
        var seen: [Int] = []
        let (result, _) = try run(errors: [1, 0.9, 0.8, 0.7], epochs: 4, stopping: nil) { report in
            seen.append(report.epoch)
            return report.epoch == 2 ? .stop : .continue
        }
        XCTAssertEqual(result.status, .stopped)
        XCTAssertEqual(seen, [1, 2])
        XCTAssertEqual(result.epochs.count, 2)
    }

    /// A stop asked for at the last epoch (a signal during its evaluation) changes nothing.
    func testCallbackStopAtTheLastEpochLeavesTheRunCompleted() throws {
        let (result, _) = try run(errors: [1, 0.9, 0.8], epochs: 3, stopping: nil) { _ in .stop }
        XCTAssertEqual(result.status, .stopped, "a stop after epoch 1 of 3 stops")
        let (last, _) = try run(errors: [1, 0.9, 0.8], epochs: 3, stopping: nil) { report in report.epoch == 3 ? .stop : .continue }
        XCTAssertEqual(last.status, .completed)
        XCTAssertEqual(last.epochs.count, 3)
        let stopping = EarlyStopping(patience: 1, restoreBest: false)
        let (early, _) = try run(errors: [1.0, 0.5, 0.6, 0.4], epochs: 4, stopping: stopping) { report in report.epoch == 3 ? .stop : .continue }
        XCTAssertEqual(early.status, .completed, "early stopping ends the run at epoch 3 anyway")
        XCTAssertTrue(early.earlyStopped)
    }
}
