import CFConfig
import CFCore
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

func makeModel(
    _ configure: (inout ModelConfig) -> Void, users: Int = 6, items: Int = 5, seed: UInt64 = 1
) throws -> any RatingModel {
    var config = ModelConfig()
    config.embeddingDim = .fixed(4)
    config.initializer = .normal(std: 0.5)
    configure(&config)
    var random = Xoshiro256StarStar(seed: seed)
    return try ModelFactory.make(config: config, statistics: allSeenStatistics(users: users, items: items), random: &random)
}

/// Mean-squared-error loss of one training-mode pass with dropout masks from `seed`;
/// the gradients it accumulates are cleared again.
func trainingLoss(_ model: any RatingModel, _ batch: TinyBatch, dropoutSeed: UInt64) -> Double {
    var random = Xoshiro256StarStar(seed: dropoutSeed)
    let sum = model.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
    model.zeroGradients()
    return sum / Double(batch.ratings.count)
}

/// Compares every scalar of every parameter's analytic gradient with a central
/// difference (L(θ+ε) - L(θ-ε))/2ε, losses accumulated in Double. Returns the failures.
func gradientMismatches(
    _ model: any RatingModel, _ batch: TinyBatch, epsilon: Float = 1e-2,
    absoluteTolerance: Double = 1e-4, relativeTolerance: Double = 2e-3, dropoutSeed: UInt64 = 99
) -> [String] {
    model.zeroGradients()
    var random = Xoshiro256StarStar(seed: dropoutSeed)
    _ = model.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
    let analytic = model.parameters.map(\.gradient)
    model.zeroGradients()
    var failures: [String] = []
    for (parameterIndex, parameter) in model.parameters.enumerated() {
        for index in 0..<parameter.values.count {
            let original = parameter.values[index]
            parameter.values[index] = original + epsilon
            let plus = trainingLoss(model, batch, dropoutSeed: dropoutSeed)
            parameter.values[index] = original - epsilon
            let minus = trainingLoss(model, batch, dropoutSeed: dropoutSeed)
            parameter.values[index] = original
            let numeric = (plus - minus) / (2 * Double(epsilon))
            let exact = Double(analytic[parameterIndex][index])
            if abs(numeric - exact) > absoluteTolerance + relativeTolerance * max(abs(numeric), abs(exact)) {
                failures.append("\(parameter.name)[\(index)]: analytic \(exact), numeric \(numeric)")
            }
        }
    }
    return failures
}
