@testable import CFData
import CFCore

/// A minimal biased matrix-factorisation model fitted by SGD, used only to show that
/// synthetic data carries learnable low-rank signal: r̂ = μ + b_u + b_i + p_u·q_i.
struct TinyFactorModel {
    var mean: Float = 0
    var userBias: [Float]
    var itemBias: [Float]
    var userFactors: [Float]
    var itemFactors: [Float]
    let rank: Int

    static func fit(_ train: RatingSet, users: Int, items: Int, rank: Int, epochs: Int = 40) -> TinyFactorModel {
        var rng = Xoshiro256StarStar(seed: 3)
        var model = TinyFactorModel(
            userBias: .init(repeating: 0, count: users), itemBias: .init(repeating: 0, count: items),
            userFactors: (0..<users * rank).map { _ in Float(rng.nextGaussian() * 0.1) },
            itemFactors: (0..<items * rank).map { _ in Float(rng.nextGaussian() * 0.1) }, rank: rank)
        model.mean = train.ratings.reduce(0, +) / Float(train.count)
        var order = Array(0..<train.count)
        let learningRate: Float = 0.02
        let regularization: Float = 0.02
        for _ in 0..<epochs {
            rng.shuffle(&order)
            for index in order {
                let user = Int(train.users[index])
                let item = Int(train.items[index])
                let error = train.ratings[index] - model.predict(user: user, item: item)
                model.userBias[user] += learningRate * (error - regularization * model.userBias[user])
                model.itemBias[item] += learningRate * (error - regularization * model.itemBias[item])
                for factor in 0..<rank {
                    let p = model.userFactors[user * rank + factor]
                    let q = model.itemFactors[item * rank + factor]
                    model.userFactors[user * rank + factor] += learningRate * (error * q - regularization * p)
                    model.itemFactors[item * rank + factor] += learningRate * (error * p - regularization * q)
                }
            }
        }
        return model
    }

    func predict(user: Int, item: Int) -> Float {
        var value = mean + userBias[user] + itemBias[item]
        for factor in 0..<rank { value += userFactors[user * rank + factor] * itemFactors[item * rank + factor] }
        return value
    }

    func rmse(_ part: RatingSet) -> Double {
        var total = 0.0
        for index in 0..<part.count {
            let error = Double(part.ratings[index] - predict(user: Int(part.users[index]), item: Int(part.items[index])))
            total += error * error
        }
        return (total / Double(max(1, part.count))).squareRoot()
    }
}
