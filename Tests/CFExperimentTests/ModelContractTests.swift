import CFAnalysis
import CFConfig
import CFCore
import CFData
import CFExperiment
import CFModels
import CFStore
import CFTestSupport
import CFTraining
import XCTest

/// The contract every model kind keeps, run over each of them: seeded, finite on unseen
/// ids and empty batches, stored and rebuilt exactly, and learning planted factors.
final class ModelContractTests: XCTestCase {
    /// Each kind with its model lines and the band its valid RMSE must fall in on the
    /// planted data below (rank-3 factors, noise 0.3, so 0.3 is the floor; measured with
    /// semantics 2: global_mean 1.046, biases 0.935, dot 0.775, dot_bias 0.390, nn 0.840).
    /// The bands allow a change of streams or kernels, not a model that stops learning.
    static let kinds: [(kind: String, model: String, band: ClosedRange<Double>)] = [
        ("global_mean", "", 0.98...1.10),
        ("biases", "", 0.88...0.98),
        ("dot", ", embedding_dim: 6, init: {kind: normal, std: 0.1}", 0.60...0.88),
        ("dot_bias", ", embedding_dim: 6, y_range: [0.0, 5.5], init: {kind: normal, std: 0.1}", 0.30...0.50),
        ("nn", ", embedding_dim: 6, y_range: [0.0, 5.5], layers: [16]", 0.70...0.90),
    ]

    static func yaml(_ kind: String, _ model: String, seed: Int = 3, epochs: Int = 12) -> String {
        ExperimentYAML.synthetic(
            name: "contract-\(kind)", seed: seed, data: "{users: 150, items: 100, ratings: 6000, rank: 3, noise: 0.3, seed: 9}",
            model: "{kind: \(kind)\(model)}", optimizer: "{kind: adam, lr: 1.0e-2}",
            training: "{epochs: \(epochs), batch_size: 64, keep: final}")
    }

    static func prepare(_ kind: String, _ model: String, seed: Int = 3, epochs: Int = 12) throws -> PreparedExperiment {
        try PreparedExperiment.prepare(try ConfigLoader.parse(yaml: yaml(kind, model, seed: seed, epochs: epochs), fileName: "\(kind).yaml"))
    }

    func testTheSameSeedGivesTheSameParametersAndAnotherSeedOthers() throws {
        for (kind, model, _) in Self.kinds {
            let first = try Self.prepare(kind, model, epochs: 2).trainer().run { _ in .continue }
            let second = try Self.prepare(kind, model, epochs: 2).trainer().run { _ in .continue }
            XCTAssertEqual(first.model.savedTensors.map(\.values), second.model.savedTensors.map(\.values), kind)
            guard ["dot", "dot_bias", "nn"].contains(kind) else { continue }
            let other = try Self.prepare(kind, model, seed: 4, epochs: 2).trainer().run { _ in .continue }
            XCTAssertNotEqual(first.model.savedTensors.map(\.values), other.model.savedTensors.map(\.values), kind)
        }
    }

    func testPredictionsAreFiniteForUnseenUsersUnseenItemsAndEmptyBatches() throws {
        for (kind, model, _) in Self.kinds {
            let experiment = try Self.prepare(kind, model, epochs: 1)
            let trained = try experiment.trainer().run { _ in .continue }.model
            let users = Int32(experiment.dataset.userCount), items = Int32(experiment.dataset.itemCount)
            // A table of one more user and item than training saw: the new ids are unseen.
            var statistics = TrainingStatistics(training: experiment.split.train, userCount: Int(users) + 1, itemCount: Int(items) + 1)
            statistics = statistics.scoring(coldStart: .fallback)
            let fresh = try ModelFactory.make(
                experiment: experiment.config, statistics: statistics, streams: experiment.streams.parameterStreams())
            XCTAssertTrue(statistics.isColdStart(user: users, item: 0), kind)
            let pairs: [(Int32, Int32)] = [(users, 0), (0, items), (users, items), (0, 0)]
            let predictions = fresh.predict(users: pairs.map(\.0), items: pairs.map(\.1))
            XCTAssertEqual(predictions.count, 4, kind)
            XCTAssertTrue(predictions.allSatisfy(\.isFinite), "\(kind): \(predictions)")
            XCTAssertEqual(trained.predict(users: [], items: []), [], kind)
            XCTAssertEqual(fresh.predict(users: [], items: []), [], kind)
        }
    }

    func testKeptTensorsRoundTripThroughTheStoreIntoAnalysis() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        for (kind, model, _) in Self.kinds {
            let experiment = try Self.prepare(kind, model, epochs: 2)
            let writer = StoreWriter(store: store)
            try writer.perform { store in
                try store.saveDataMetadata(DataMetadata(
                    dataset: experiment.dataset, training: experiment.split.train, splitFingerprint: experiment.split.fingerprint))
            }
            let result = try experiment.trainer().run { _ in .continue }
            let kept = KeptParameters.tensors(of: result, keep: .final)
            guard kind != "global_mean" else {
                XCTAssertTrue(kept.isEmpty, "global_mean has no tensors to keep")
                continue
            }
            let runId = try store.startRun(experiment.newRun(), trialKey: experiment.trialKey)
            try writer.finish(
                runId: runId, outcome: RunOutcome(status: .completed),
                parameters: kept)
            let analyzed = try AnalyzedRun(try store.loadModel(runId: runId))
            let valid = experiment.split.valid
            let users = Array(valid.users), items = Array(valid.items)
            let original = result.model.predict(users: users, items: items)
            let rebuilt = analyzed.model.predict(users: users, items: items)
            XCTAssertEqual(rebuilt.map(\.bitPattern), original.map(\.bitPattern), kind)
            XCTAssertEqual(analyzed.kind, kind)
        }
    }

    func testEveryKindLearnsPlantedFactorsWithinItsBand() throws {
        var measured: [String: Double] = [:]
        for (kind, model, band) in Self.kinds {
            let result = try Self.prepare(kind, model).trainer().run { _ in .continue }
            let rmse = try XCTUnwrap(result.bestMetrics[MetricName.validRMSE], kind)
            measured[kind] = rmse
            XCTAssertTrue(band.contains(rmse), "\(kind): valid RMSE \(rmse) outside \(band)")
        }
        let baseline = try XCTUnwrap(measured["biases"])
        XCTAssertLessThan(baseline, try XCTUnwrap(measured["global_mean"]))
        for kind in ["dot", "dot_bias", "nn"] {
            XCTAssertLessThan(try XCTUnwrap(measured[kind]), baseline, kind)
        }
    }
}
