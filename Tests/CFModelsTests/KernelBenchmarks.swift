import CFConfig
import CFCore
import Foundation
import Testing
@testable import CFModels

/// Throughput of the hot loops, on ml-100k-sized random data. Opt-in, and meaningful only
/// in release: `CFLAB_BENCHMARK=1 swift test -c release --filter KernelBenchmarks`.
/// Each figure is the best of three passes over 80,000 ratings, run one test at a time.
@Suite("kernel benchmarks", .serialized, .enabled(if: ProcessInfo.processInfo.environment["CFLAB_BENCHMARK"] == "1"))
struct KernelBenchmarks {
    let batch = TinyBatch(users: 943, items: 1682, count: 80_000, seed: 1)

    func measure(_ label: String, _ configure: (inout ModelConfig) -> Void, batchSize: Int) throws {
        let model = try makeModel(configure, users: 943, items: 1682)
        var random = Xoshiro256StarStar(seed: 2)
        let clock = ContinuousClock()
        let training = (0..<3).map { _ in clock.measure {
            batch.users.withUnsafeBufferPointer { users in
                batch.items.withUnsafeBufferPointer { items in
                    batch.ratings.withUnsafeBufferPointer { ratings in
                        var start = 0
                        while start < ratings.count {
                            let end = min(start + batchSize, ratings.count)
                            let slice = RatingBatch(
                                users: UnsafeBufferPointer(rebasing: users[start..<end]),
                                items: UnsafeBufferPointer(rebasing: items[start..<end]),
                                ratings: UnsafeBufferPointer(rebasing: ratings[start..<end]))
                            _ = model.forwardBackward(slice, random: &random)
                            model.zeroGradients()
                            start = end
                        }
                    }
                }
            }
        } }.min() ?? .zero
        var predictions: [Float] = []
        let scoring = (0..<3).map { _ in
            clock.measure { predictions = model.predict(users: batch.users, items: batch.items) }
        }.min() ?? .zero
        func perRating(_ duration: Duration) -> Double {
            Double(duration.components.attoseconds) / 1e9 / Double(batch.ratings.count)
                + Double(duration.components.seconds) * 1e9 / Double(batch.ratings.count)
        }
        print("benchmark \(label): forwardBackward \(String(format: "%.1f", perRating(training))) ns/rating, "
            + "predict \(String(format: "%.1f", perRating(scoring))) ns/rating (\(predictions.count) pairs)")
    }

    /// A plain 50-wide dot product per pair over the same ids: the floor for `predict`.
    @Test func calibration() {
        let width = 50
        let users = [Float](repeating: 0.5, count: 943 * width)
        let items = [Float](repeating: 0.25, count: 1682 * width)
        var total: Float = 0
        let duration = (0..<3).map { _ in ContinuousClock().measure {
            users.withUnsafeBufferPointer { users in
                items.withUnsafeBufferPointer { items in
                    for index in 0..<batch.ratings.count {
                        let userRow = Int(batch.users[index]) * width
                        let itemRow = Int(batch.items[index]) * width
                        for offset in 0..<width { total += users[userRow + offset] * items[itemRow + offset] }
                    }
                }
            }
        } }.min() ?? .zero
        let nanoseconds = Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
        print("benchmark calibration: \(String(format: "%.1f", nanoseconds / Double(batch.ratings.count))) ns/pair (\(total))")
    }

    @Test func dotBias() throws {
        try measure("dot_bias k=50 bs=64", { $0.kind = .dotBias; $0.embeddingDim = .fixed(50); $0.yRange = .fixed(low: 0, high: 5.5) }, batchSize: 64)
        try measure("dot_bias k=50 dropout bs=64", {
            $0.kind = .dotBias; $0.embeddingDim = .fixed(50); $0.dropout = Dropout(user: 0.3, item: 0.6)
        }, batchSize: 64)
    }

    @Test func neural() throws {
        try measure("nn auto [100,50] bs=64", { $0.kind = .nn; $0.embeddingDim = .auto; $0.layers = [100, 50] }, batchSize: 64)
        try measure("nn auto [100,50] bn bs=1024", {
            $0.kind = .nn; $0.embeddingDim = .auto; $0.layers = [100, 50]; $0.batchnorm = true
        }, batchSize: 1024)
    }
}
