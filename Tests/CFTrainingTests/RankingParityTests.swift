import CFConfig
import CFCore
import CFData
import CFModels
import CFTestSupport
@testable import CFTraining
import CKernels
import XCTest

/// The ranking evaluator's fast paths (catalogue kernels, threads, blocks, tiles, the
/// admission threshold) give the metrics of the scalar reference (`ReferenceRanking`) bit for bit,
/// for every model kind, with unseen users and items, ties, and any thread count.
final class RankingParityTests: XCTestCase {
    /// The planted split with users 0–2 and items 0–1 taken out of training, so that the
    /// held-out part has unseen users and items (the models' fallbacks).
    static let split: DataSplit = {
        var split = Planted.split
        let train = split.train
        split.train = train.subset((0..<train.count).filter { train.users[$0] > 2 && train.items[$0] > 1 })
        return split
    }()

    func trained(_ kind: ModelConfig.Kind, configure: (inout ExperimentConfig) -> Void = { _ in }) throws -> any RatingModel {
        var config = Planted.config(kind, epochs: 2)
        config.evaluation.ranking.every = .never
        configure(&config)
        let trainer = try Trainer(
            config: config, split: Self.split, userCount: Planted.dataset.userCount, itemCount: Planted.dataset.itemCount,
            streams: RandomStreams(seed: 1))
        return try trainer.run { _ in .continue }.model
    }

    var rankingConfig: RankingConfig {
        var config = RankingConfig()
        config.k = [1, 5, 10, 200]
        config.threshold = 3.5
        return config
    }

    /// Asserts that every thread count, block size and kernel level gives the reference's metrics.
    func assertParity(_ model: any RatingModel, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let (users, items) = (Planted.dataset.userCount, Planted.dataset.itemCount)
        let expected = ReferenceRanking(config: rankingConfig, training: Self.split.train, userCount: users, itemCount: items)
            .evaluate(model: model, heldOut: Self.split.valid)
        XCTAssertGreaterThan(expected[RankingMetricName.users] ?? 0, 100, name, file: file, line: line)
        for threads in [1, 2, 4] {
            for (blockSize, tiles) in [(1, Int.max), (3, 1), (64, 2), (64, Int.max)] {
                for level in CatalogueKernelTests.levels {
                    let evaluator = RankingEvaluator(
                        config: rankingConfig, training: Self.split.train, userCount: users, itemCount: items, threads: threads,
                        blockSize: blockSize)
                    evaluator.kernelLevel = level
                    evaluator.tilePanelLimit = tiles
                    let metrics = evaluator.evaluate(model: model, heldOut: Self.split.valid)
                    XCTAssertEqual(Set(metrics.keys), Set(expected.keys), name, file: file, line: line)
                    for (key, value) in expected {
                        XCTAssertEqual(metrics[key]?.bitPattern, value.bitPattern,
                                       "\(name) \(key): threads \(threads), block \(blockSize), tile \(tiles), level \(level)", file: file, line: line)
                    }
                }
            }
        }
    }

    func testDotBiasMatchesTheReferenceWithAndWithoutARange() throws {
        assertParity(try trained(.dotBias), "dot_bias")
        assertParity(try trained(.dotBias) { $0.model.yRange = .fixed(low: 0.5, high: 5.5) }, "dot_bias y_range")
        assertParity(try trained(.dotBias) { $0.evaluation.coldStart = .model }, "dot_bias cold_start model")
        assertParity(try trained(.dotBias) { $0.model.implicit = true; $0.model.yRange = .fixed(low: 0.5, high: 5.5) }, "dot_bias implicit")
    }

    func testDotBiasesAndNeuralMatchTheReference() throws {
        let dot = try trained(.dot)
        XCTAssertNotNil(dot.factorForm)
        assertParity(dot, "dot")
        let biases = try trained(.biases)
        XCTAssertNil(biases.factorForm, "biases go through predict, on several threads")
        XCTAssertTrue(biases.predictsConcurrently)
        assertParity(biases, "biases")
        let neural = try trained(.nn)
        XCTAssertFalse(neural.predictsConcurrently, "nn predicts on the calling thread only")
        assertParity(neural, "nn")
    }

    func testTiesGoToTheLowerItemAsInTheReference() throws {
        // Factors rounded to quarters and biases zeroed: many items share a score.
        let model = try trained(.dotBias)
        for parameter in model.parameters {
            let isBias = parameter.name.hasSuffix("bias")
            parameter.values = parameter.values.map { isBias ? 0 : ($0 * 4).rounded() / 4 }
        }
        let scores = model.predict(users: [Int32](repeating: 5, count: 100), items: Array(0..<100))
        XCTAssertLessThan(Set(scores).count, 60, "the scores tie")
        assertParity(model, "tied dot_bias")
    }
}
