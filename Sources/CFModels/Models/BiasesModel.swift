import CFConfig
import CFCore

/// The user-and-item-bias baseline (Surprise's `BaselineOnly`, trained by gradient descent).
///
/// Forward: r̂ = μ + b_u + b_i with μ = `statistics.globalMean` (constant),
/// b_u = `userBias[u]`, b_i = `itemBias[i]`, both initialised to 0 (no random draws).
/// Backward, for L = (1/B) Σ (r̂ - r)² and g = 2(r̂ - r)/B: ∂L/∂b_u += g, ∂L/∂b_i += g.
/// No sigmoid: `y_range` does not apply. Cold start: an unseen side's bias counts as 0.
public final class BiasesModel: BlockTrainable {
    public let kind: ModelConfig.Kind = .biases
    public let userBias: Parameter
    public let itemBias: Parameter
    public let statistics: TrainingStatistics

    public init(statistics: TrainingStatistics) {
        self.statistics = statistics
        let users = statistics.userCount
        let items = statistics.itemCount
        userBias = Parameter(
            name: "user_bias", shape: [users, 1], values: [Float](repeating: 0, count: users), rowSparse: true)
        itemBias = Parameter(
            name: "item_bias", shape: [items, 1], values: [Float](repeating: 0, count: items), rowSparse: true)
    }

    public var parameters: [Parameter] { [userBias, itemBias] }

    /// `predict` only reads the model.
    public var predictsConcurrently: Bool { true }

    public func prepareLanes(_ count: Int, compact: Bool) {
        for parameter in parameters { parameter.prepareLanes(count, compact: compact) }
    }

    public func forwardBackward(
        _ batch: RatingBatch, lane: Int, tables: [TableBuffers], random: inout Xoshiro256StarStar
    ) -> Double {
        let count = batch.count
        guard count > 0 else { return 0 }
        let scale = 2 / Float(count)
        let mean = statistics.globalMean
        var squaredErrorSum = 0.0
        let (userBiases, itemBiases) = (tables[0].values, tables[1].values)
        let userTarget = userBias.gradientTargets(batch.users, lane: lane, gradient: tables[0].gradient)
        let itemTarget = itemBias.gradientTargets(batch.items, lane: lane, gradient: tables[1].gradient)
        for index in 0..<count {
            let user = Int(batch.users[index])
            let item = Int(batch.items[index])
            let error = mean + userBiases[user] + itemBiases[item] - batch.ratings[index]
            squaredErrorSum += Double(error * error)
            userTarget.row(index, width: 1).pointee += scale * error
            itemTarget.row(index, width: 1).pointee += scale * error
        }
        return squaredErrorSum
    }

    public func predict(
        users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>,
        into output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(users.count == items.count && items.count <= output.count, "predict: length mismatch")
        let statistics = statistics
        userBias.values.withUnsafeBufferPointer { userBiases in
            itemBias.values.withUnsafeBufferPointer { itemBiases in
                for index in 0..<users.count {
                    let user = users[index]
                    let item = items[index]
                    var prediction = statistics.globalMean
                    if statistics.isKnown(user: user) { prediction += userBiases[Int(user)] }
                    if statistics.isKnown(item: item) { prediction += itemBiases[Int(item)] }
                    output[index] = prediction
                }
            }
        }
    }
}
