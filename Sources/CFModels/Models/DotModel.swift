import CFConfig
import CFCore
import CKernels
import CPrefetch

/// The plain matrix-factorisation model of the Keras/R blog's "simple_dot".
///
/// Forward: r̂ = p_u · q_i with p_u = `userEmbedding[u]`, q_i = `itemEmbedding[i]`.
/// Backward, for L = (1/B) Σ (r̂ - r)² and g = 2(r̂ - r)/B:
/// ∂L/∂p_u += g·q_i and ∂L/∂q_i += g·p_u (only the looked-up rows, which are touched).
///
/// Cold start: a pair whose user or item was not seen in training predicts the global
/// training mean μ (`statistics.globalMean`); an untrained row holds only its init noise.
public final class DotModel: BlockTrainable {
    public let kind: ModelConfig.Kind = .dot
    public let userEmbedding: Parameter
    public let itemEmbedding: Parameter
    public let dimensions: Int
    public let statistics: TrainingStatistics

    /// Draws `user_embedding` then `item_embedding` from `initializer`.
    public init(
        dimensions: Int, initializer: Initializer, statistics: TrainingStatistics, streams: ParameterStreams
    ) {
        self.dimensions = dimensions
        self.statistics = statistics
        userEmbedding = initializer.table(
            name: "user_embedding", rows: statistics.userCount, columns: dimensions, streams: streams)
        itemEmbedding = initializer.table(
            name: "item_embedding", rows: statistics.itemCount, columns: dimensions, streams: streams)
    }

    public var parameters: [Parameter] { [userEmbedding, itemEmbedding] }

    /// `predict` only reads the model.
    public var predictsConcurrently: Bool { true }

    /// Seen pairs score p_u · q_i, summed from a zero start without a range.
    public var factorForm: FactorForm? {
        FactorForm(
            width: dimensions, userFactors: userEmbedding, itemFactors: itemEmbedding,
            userStarts: [Float](repeating: 0, count: userEmbedding.rows), itemOffsets: nil, range: .identity, statistics: statistics)
    }

    /// Each lane's forward sums of a batch.
    private var forwardSums = [ScratchBuffer()]

    public func prepareLanes(_ count: Int, compact: Bool) {
        for parameter in parameters { parameter.prepareLanes(count, compact: compact) }
        while forwardSums.count < count { forwardSums.append(ScratchBuffer()) }
    }

    public func forwardBackward(
        _ batch: RatingBatch, lane: Int, tables: [TableBuffers], random: inout Xoshiro256StarStar
    ) -> Double {
        let count = batch.count
        guard count > 0 else { return 0 }
        let width = dimensions
        let scale = 2 / Float(count)
        var squaredErrorSum = 0.0
        let (userValues, itemValues) = (tables[0].values, tables[1].values)
        let userTarget = userEmbedding.gradientTargets(batch.users, lane: lane, gradient: tables[0].gradient)
        let itemTarget = itemEmbedding.gradientTargets(batch.items, lane: lane, gradient: tables[1].gradient)
        // The forward sums read values, the scatters write gradients: all of the batch's
        // sums first (four ratings' chains at a time), then the scatters, the same
        // operations per rating as one rating at a time.
        let sums = forwardSums[lane]
        sums.reserve(count)
        let dots = sums.pointer
        dots.update(repeating: 0, count: count)
        cf_factor_dots(userValues.baseAddress, itemValues.baseAddress, batch.users.baseAddress, batch.items.baseAddress,
                       count, width, dots)
        for index in 0..<count {
            prefetchRating(index + ratingPrefetchDistance, of: batch, width: width, users: userValues, items: itemValues,
                           userGradients: userTarget, itemGradients: itemTarget)
            let userRow = Int(batch.users[index]) * width
            let itemRow = Int(batch.items[index]) * width
            let error = dots[index] - batch.ratings[index]
            squaredErrorSum += Double(error * error)
            cf_factor_scatter(userTarget.row(index, width: width), itemTarget.row(index, width: width),
                              userValues.baseAddress! + userRow, itemValues.baseAddress! + itemRow, scale * error, width)
        }
        return squaredErrorSum
    }

    /// p_u · q_i for each pair (μ for a cold-start pair). Runs of eight seen pairs are summed
    /// together (`PairDots`), each with the one-pair loop's bits.
    public func predict(
        users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>,
        into output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(users.count == items.count && items.count <= output.count, "predict: length mismatch")
        let width = dimensions
        let statistics = statistics
        userEmbedding.values.withUnsafeBufferPointer { userValues in
            itemEmbedding.values.withUnsafeBufferPointer { itemValues in
                PairDots.forEachRun(
                    users: users, items: items, statistics: statistics, userTable: userValues, itemTable: itemValues,
                    width: width
                ) { index in
                    let x = PairDots.eight(
                        starts: SIMD8(repeating: 0), userTable: userValues, itemTable: itemValues, users: users, items: items,
                        at: index, width: width)
                    for lane in 0..<8 { output[index + lane] = x[lane] }
                } single: { index in
                    let user = users[index]
                    let item = items[index]
                    if statistics.isColdStart(user: user, item: item) {
                        output[index] = statistics.globalMean
                    } else {
                        let userRow = Int(user) * width
                        let itemRow = Int(item) * width
                        var dot: Float = 0
                        for offset in 0..<width {
                            dot += userValues[userRow + offset] * itemValues[itemRow + offset]
                        }
                        output[index] = dot
                    }
                }
            }
        }
    }
}
