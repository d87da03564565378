import CFConfig
import CFCore
import CFData
import CFModels
@testable import CFTraining
import XCTest

/// Training throughput on an ml-100k-sized synthetic set; runs only with `CFLAB_BENCHMARK=1`.
///
/// `CFLAB_BENCHMARK=1 swift test -c release --filter TrainingBenchmarkTests` prints, per
/// model, ratings per second of training and the epoch time including evaluation.
final class TrainingBenchmarkTests: XCTestCase {
    func testThroughput() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["CFLAB_BENCHMARK"] == "1", "set CFLAB_BENCHMARK=1")
        var options = SyntheticOptions()
        options.users = 943
        options.items = 1682
        options.ratings = 100_000
        let dataset = SyntheticData.generate(options)
        let split = try Splitter.split(dataset, config: SplitConfig(), seed: 42)
        for kind in [ModelConfig.Kind.biases, .dot, .dotBias, .nn] {
            var config = ExperimentConfig()
            config.model.kind = kind
            config.model.embeddingDim = kind == .nn ? .auto : .fixed(50)
            config.model.yRange = kind == .dotBias || kind == .nn ? .fixed(low: 0, high: 5.5) : .none
            config.optimizer.kind = .adamw
            config.optimizer.learningRate = 5e-3
            config.optimizer.weightDecay = 0.1
            config.schedule.kind = .oneCycle
            config.training.epochs = 3
            config.training.batchSize = 64
            let result = try Trainer(config: config, split: split, dataset: dataset).run { _ in .continue }
            let last = result.finalMetrics
            print(
                "benchmark \(kind.rawValue): \(Int(last["ratings_per_second"] ?? 0)) ratings/s training,",
                "epoch \(last["seconds"] ?? 0) s incl. evaluation, valid_rmse \(last["valid_rmse"] ?? .nan)"
            )
        }
    }
}
