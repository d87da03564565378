import CFConfig
import CFModels
import XCTest

/// The memory estimate of `ModelFactory`, asserted as byte counts from the documented formula.
final class MemoryEstimateTests: XCTestCase {
    private func config(_ change: (inout ExperimentConfig) -> Void) -> ExperimentConfig {
        var config = ExperimentConfig()
        change(&config)
        return config
    }

    func testDotBiasFollowsTheFormula() {
        // 10 users, 20 items, width 4: P = 10·4 + 20·4 + 10 + 20 = 150 floats, each with
        // value, gradient, best-epoch copy and two Adam moments (20 bytes); R = 2 · 30 rows
        // (5 bytes each); 1,024 rows of (2 · 8 + 4) floats and 12 bytes.
        let estimate = ModelFactory.memoryEstimate(config { $0.model.kind = .dotBias; $0.model.embeddingDim = .fixed(4) }, users: 10, items: 20)
        XCTAssertEqual(estimate.parameterCount, 150)
        XCTAssertEqual(estimate.sparseRows, 60)
        XCTAssertEqual(estimate.parameterBytes, 150 * 20 + 60 * 5)
        XCTAssertEqual(estimate.batchBytes, 1_024 * (20 * 4 + 12))
        XCTAssertEqual(estimate.totalBytes, 3_300 + 94_208)
    }

    func testOptimiserAndKeepChangeTheBytesPerFloat() {
        let plainSGD = config {
            $0.model.kind = .dot
            $0.model.embeddingDim = .fixed(2)
            $0.optimizer.kind = .sgd
            $0.training.keep = .final
        }
        // P = (3 + 5) · 2 = 16 floats of 8 bytes; R = 8 rows.
        XCTAssertEqual(ModelFactory.memoryEstimate(plainSGD, users: 3, items: 5).parameterBytes, 16 * 8 + 8 * 5)
        var adagrad = plainSGD
        adagrad.optimizer.kind = .adagrad
        adagrad.training.earlyStopping = EarlyStopping(restoreBest: true)
        XCTAssertEqual(ModelFactory.memoryEstimate(adagrad, users: 3, items: 5).parameterBytes, 16 * 16 + 8 * 5)
    }

    func testTheNetworkCountsItsLayersAndTheirActivations() {
        let network = config {
            $0.model.kind = .nn
            $0.model.embeddingDim = .perSide(user: 3, item: 5)
            $0.model.layers = [4, 2]
            $0.training.batchSize = 2_048
        }
        let estimate = ModelFactory.memoryEstimate(network, users: 10, items: 10)
        // Tables 10·3 + 10·5 = 80; layers 8·4 + 4, 4·2 + 2, output 2 + 1: 49.
        XCTAssertEqual(estimate.parameterCount, 129)
        XCTAssertEqual(estimate.sparseRows, 20)
        // Per row: 2·8 inputs and masks, 3·(4 + 2) activations, 2·4 gradients, 4 more.
        XCTAssertEqual(estimate.batchBytes, 2_048 * ((16 + 18 + 8 + 4) * 4 + 12))
        XCTAssertEqual(estimate.dominantKey, "training.batch_size")
    }

    func testAbsurdSizesSaturateInsteadOfTrapping() {
        let huge = config { $0.model.embeddingDim = .fixed(Int.max / 2) }
        XCTAssertEqual(ModelFactory.memoryEstimate(huge, users: 1_000, items: 1_000).totalBytes, Int.max)
    }

    func testAnEstimateOverTheLimitIsRefusedWithTheKeyAndTheBytes() {
        // embedding_dim 1e9 on ml-latest-small's 610 users and 9,724 items.
        let wide = config { $0.model.embeddingDim = .fixed(1_000_000_000) }
        let estimate = ModelFactory.memoryEstimate(wide, users: 610, items: 9_724)
        XCTAssertEqual(estimate.dominantKey, "model.embedding_dim")
        XCTAssertThrowsError(try ModelFactory.checkMemory(wide, users: 610, items: 9_724)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("model.embedding_dim: training needs about \(estimate.totalBytes) bytes"), message)
            XCTAssertTrue(message.contains("for 610 users and 9724 items"), message)
        }
        let batch = config { $0.model.embeddingDim = .fixed(8); $0.training.batchSize = 1 << 40 }
        XCTAssertThrowsError(try ModelFactory.checkMemory(batch, users: 10, items: 10)) { error in
            XCTAssertTrue("\(error)".hasPrefix("training.batch_size: "), "\(error)")
        }
        let small = config { $0.model.embeddingDim = .fixed(8) }
        XCTAssertNoThrow(try ModelFactory.checkMemory(small, users: 610, items: 9_724))
        XCTAssertThrowsError(try ModelFactory.checkMemory(small, users: 610, items: 9_724, limit: 1_000)) { error in
            XCTAssertEqual((error as? ModelFactory.MemoryEstimateTooLarge)?.limit, 1_000)
        }
    }
}
