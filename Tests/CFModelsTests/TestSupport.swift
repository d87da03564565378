import CFConfig
import CFCore
import CFData
@testable import CFModels

/// Statistics for `users`×`items` tables where every id was seen in training.
func allSeenStatistics(users: Int, items: Int, mean: Float = 3.5, low: Float = 1, high: Float = 5) -> TrainingStatistics {
    TrainingStatistics(
        globalMean: mean, ratingMin: low, ratingMax: high,
        userSeen: [Bool](repeating: true, count: users), itemSeen: [Bool](repeating: true, count: items))
}

/// A small batch with repeated users and items, ratings in [1, 5].
struct TinyBatch {
    var users: [Int32]
    var items: [Int32]
    var ratings: [Float]

    init(users userCount: Int, items itemCount: Int, count: Int, seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        users = (0..<count).map { _ in Int32(random.nextInt(below: userCount)) }
        items = (0..<count).map { _ in Int32(random.nextInt(below: itemCount)) }
        ratings = (0..<count).map { _ in Float(1 + random.nextInt(below: 9)) * 0.5 + 0.5 }
    }
}

extension TinyBatch {
    /// Statistics measured on the batch itself (rows get uneven rating counts), with the
    /// baselines of `bias_init: data` or SVD++'s item lists when asked for.
    func statistics(users: Int, items: Int, baselines: Bool = false, ratedItems: Bool = false) -> TrainingStatistics {
        let set = RatingSet(
            users: self.users, items: self.items, ratings: ratings, timestamps: [Int64](repeating: 0, count: ratings.count))
        return TrainingStatistics(training: set, userCount: users, itemCount: items, baselines: baselines, ratedItems: ratedItems)
    }
}

func makeModel(
    _ configure: (inout ModelConfig) -> Void, users: Int = 6, items: Int = 5, seed: UInt64 = 1
) throws -> any RatingModel {
    var config = ModelConfig()
    config.embeddingDim = .fixed(4)
    config.initializer = .normal(std: 0.5)
    configure(&config)
    return try ModelFactory.make(
        config: config, statistics: allSeenStatistics(users: users, items: items), streams: ParameterStreams(seed: seed))
}

/// Mean-squared-error loss of one training-mode pass with dropout masks from `seed`;
/// the gradients it accumulates are cleared again.
func trainingLoss(_ model: any RatingModel, _ batch: TinyBatch, dropoutSeed: UInt64) -> Double {
    var random = Xoshiro256StarStar(seed: dropoutSeed)
    let sum = model.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
    model.zeroGradients()
    return sum / Double(batch.ratings.count)
}

/// One central-difference probe: step ε and the tolerance |analytic - numeric| ≤ absolute + relative·max(|·|).
struct DifferenceProbe {
    var epsilon: Float
    var absolute: Double
    var relative: Double

    /// Float forward passes give the loss ~1e-7 relative noise, so ε = 1e-2 allows a tight tolerance.
    static let standard = DifferenceProbe(epsilon: 1e-2, absolute: 1e-4, relative: 2e-3)
    /// A smaller step for ReLU networks, where a kink within ±ε spoils a difference.
    static let fine = DifferenceProbe(epsilon: 2.5e-3, absolute: 5e-4, relative: 5e-3)
}

/// Compares every scalar of every parameter's analytic gradient with central differences
/// (L(θ+ε) - L(θ-ε))/2ε, losses accumulated in Double. A scalar fails only when every
/// probe disagrees (with several probes, a ReLU kink crossed by one step is tolerated;
/// a wrong gradient fails them all). Returns the failures.
func gradientMismatches(
    _ model: any RatingModel, _ batch: TinyBatch, probes: [DifferenceProbe] = [.standard], dropoutSeed: UInt64 = 99
) -> [String] {
    model.zeroGradients()
    var random = Xoshiro256StarStar(seed: dropoutSeed)
    _ = model.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
    let analytic = model.parameters.map(\.gradient)
    model.zeroGradients()
    var failures: [String] = []
    for (parameterIndex, parameter) in model.parameters.enumerated() {
        for index in 0..<parameter.values.count {
            let exact = Double(analytic[parameterIndex][index])
            var estimates: [Double] = []
            for probe in probes {
                let original = parameter.values[index]
                parameter.values[index] = original + probe.epsilon
                let plus = trainingLoss(model, batch, dropoutSeed: dropoutSeed)
                parameter.values[index] = original - probe.epsilon
                let minus = trainingLoss(model, batch, dropoutSeed: dropoutSeed)
                parameter.values[index] = original
                let numeric = (plus - minus) / (2 * Double(probe.epsilon))
                estimates.append(numeric)
                if abs(numeric - exact) <= probe.absolute + probe.relative * max(abs(numeric), abs(exact)) { break }
            }
            if estimates.count == probes.count,
               let last = estimates.last, let probe = probes.last,
               abs(last - exact) > probe.absolute + probe.relative * max(abs(last), abs(exact)) {
                failures.append("\(parameter.name)[\(index)]: analytic \(exact), numeric \(estimates)")
            }
        }
    }
    return failures
}

/// The small `nn` of the model tests: per-side embeddings 3 and 4, layers [5, 4], then `configure`.
func makeNeural(_ configure: (inout ModelConfig) -> Void = { _ in }, seed: UInt64) throws -> NeuralModel {
    let model = try makeModel({
        $0.kind = .nn
        $0.embeddingDim = .perSide(user: 3, item: 4)
        $0.layers = [5, 4]
        configure(&$0)
    }, seed: seed)
    guard let neural = model as? NeuralModel else { throw ModelError.invalidLayers([]) }
    return neural
}
