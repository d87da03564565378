import CFConfig
import CFCore
import CFData
import CFModels
import CFTestSupport
@testable import CFTraining
import XCTest

/// Every model learns planted factors: global_mean > biases > dot, dot_bias, nn in valid RMSE.
final class ModelsLearnTests: XCTestCase {
    private func validRMSE(_ config: ExperimentConfig) throws -> Double {
        let result = try Trainer(config: config, split: Planted.split, dataset: Planted.dataset)
            .run { _ in .continue }
        XCTAssertEqual(result.status, .completed, "\(config.model.kind)")
        return result.bestMetrics["valid_rmse"] ?? .infinity
    }

    func testModelsBeatTheBaselines() throws {
        let globalMean = try validRMSE(Planted.config(.globalMean))
        let biases = try validRMSE(Planted.config(.biases))
        XCTAssertLessThan(biases, globalMean - 0.05, "biases \(biases) vs global_mean \(globalMean)")

        let dot = try validRMSE(Planted.config(.dot))
        XCTAssertLessThan(dot, biases, "dot \(dot) vs biases \(biases)")

        var dotBias = Planted.config(.dotBias)
        dotBias.model.yRange = .fixed(low: 0, high: 5.5)
        dotBias.model.dropout = Dropout(user: 0.1, item: 0.1)
        dotBias.model.globalMean = true
        let dotBiasRMSE = try validRMSE(dotBias)
        XCTAssertLessThan(dotBiasRMSE, biases, "dot_bias (y_range, dropout) \(dotBiasRMSE) vs biases \(biases)")

        var implicit = dotBias
        implicit.model.implicit = true
        let implicitRMSE = try validRMSE(implicit)
        XCTAssertLessThan(implicitRMSE, biases, "dot_bias implicit (SVD++) \(implicitRMSE) vs biases \(biases)")

        var fastai = Planted.config(.dotBias, epochs: 5, learningRate: 5e-3)
        fastai.model.yRange = .data
        fastai.model.initializer = .truncatedNormal(std: 0.01)
        fastai.optimizer.kind = .adamw
        fastai.optimizer.beta2 = 0.99
        fastai.optimizer.epsilon = 1e-5
        fastai.optimizer.weightDecay = 0.1
        fastai.schedule.kind = .oneCycle
        let fastaiRMSE = try validRMSE(fastai)
        XCTAssertLessThan(fastaiRMSE, biases, "fastai recipe (one-cycle, AdamW) \(fastaiRMSE) vs biases \(biases)")

        var neural = Planted.config(.nn, epochs: 6, learningRate: 5e-3)
        neural.model.embeddingDim = .fixed(16)
        neural.model.layers = [32, 16]
        neural.model.yRange = .fixed(low: 0, high: 5.5)
        neural.model.batchnorm = true
        let neuralRMSE = try validRMSE(neural)
        XCTAssertLessThan(neuralRMSE, biases, "nn (batchnorm, y_range) \(neuralRMSE) vs biases \(biases)")
    }
}
