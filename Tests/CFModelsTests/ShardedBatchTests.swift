import CFConfig
import CFCore
import Testing
@testable import CFModels

/// `training.shards`: nn's data-parallel batch split computes the whole batch's function
/// (batchnorm statistics and masks of the whole batch), its gradient passes finite
/// differences, and the bits depend on the shard count only, never on the threads.
@Suite("nn sharded batches")
struct ShardedBatchTests {
    let batch = TinyBatch(users: 6, items: 5, count: 13, seed: 3)

    /// Seed 6, as `NeuralModelTests.wholeModelGradient` uses for finite differences.
    func neural(_ configure: (inout ModelConfig) -> Void = { _ in }) throws -> NeuralModel {
        try makeNeural(configure, seed: 6)
    }

    /// Loss, gradients and batchnorm running statistics after one step on `model`.
    func step(_ model: NeuralModel) -> (loss: Double, tensors: [[Float]]) {
        model.zeroGradients()
        var random = Xoshiro256StarStar(seed: 99)
        let loss = model.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
        return (loss, model.parameters.map(\.gradient) + model.buffers.map(\.values))
    }

    static let configurations: [(batchnorm: Bool, dropout: Bool)] = [(false, false), (true, false), (true, true)]

    @Test(arguments: [2, 3, 13], [0, 1, 2])
    func shardsGiveTheWholeBatchFunction(shards: Int, configuration: Int) throws {
        let (batchnorm, dropout) = Self.configurations[configuration]
        func configure(_ config: inout ModelConfig) {
            config.batchnorm = batchnorm
            config.yRange = .fixed(low: 0, high: 5.5)
            if dropout {
                config.dropout = Dropout(user: 0.3, item: 0.2)
                config.layerDropout = [0.2, 0.1]
            }
        }
        let whole = step(try neural(configure))
        let model = try neural(configure)
        model.useShards(shards, threads: 2)
        let sharded = step(model)
        #expect(abs(sharded.loss - whole.loss) <= 1e-5 * abs(whole.loss))
        for (a, b) in zip(sharded.tensors, whole.tensors) {
            #expect(a.count == b.count)
            for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-5 + 1e-4 * abs(y), "\(x) against \(y)") }
        }
    }

    @Test(arguments: [false, true])
    func shardedGradientMatchesFiniteDifferences(batchnorm: Bool) throws {
        let model = try neural { $0.batchnorm = batchnorm; $0.yRange = .fixed(low: 0, high: 5.5) }
        model.useShards(3, threads: 2)
        #expect(gradientMismatches(model, batch, probes: [.standard, .fine]) == [])
    }

    @Test func bitsDependOnTheShardsNeverOnTheThreads() throws {
        func configure(_ config: inout ModelConfig) {
            config.batchnorm = true
            config.dropout = Dropout(user: 0.3, item: 0.2)
            config.layerDropout = [0.2]
        }
        var results: [(loss: Double, tensors: [[Float]])] = []
        for threads in [1, 2, 4] {
            let model = try neural(configure)
            model.useShards(3, threads: threads)
            var outcome = step(model)
            // A second step on the same model: the team is reused across steps.
            let second = step(model)
            outcome.tensors += second.tensors
            outcome.loss += second.loss
            results.append(outcome)
        }
        for result in results.dropFirst() {
            #expect(result.loss.bitPattern == results[0].loss.bitPattern)
            #expect(result.tensors.map { $0.map(\.bitPattern) } == results[0].tensors.map { $0.map(\.bitPattern) })
        }
    }
}

@Suite("worker team")
struct WorkerTeamTests {
    @Test(arguments: [1, 2, 3, 4])
    func everyPieceRunsOnceInEveryStep(threads: Int) {
        let team = WorkerTeam(threads: threads)
        for pieces in [0, 1, 2, 5, 17] {
            for _ in 0..<200 {
                let counts = UnsafeMutablePointer<Int>.allocate(capacity: max(pieces, 1))
                counts.initialize(repeating: 0, count: max(pieces, 1))
                team.run(pieces) { counts[$0] += 1 }
                #expect((0..<pieces).allSatisfy { counts[$0] == 1 })
                counts.deallocate()
            }
        }
    }
}
