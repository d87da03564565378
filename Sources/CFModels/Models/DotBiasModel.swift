import CFConfig
import Foundation
import CFCore

/// Matrix factorisation with biases: fastai's `DotProductBias` and the Keras "dot_with_bias".
///
/// Forward, with p_u = `userEmbedding[u]`, q_i = `itemEmbedding[i]`, b_u = `userBias[u]`,
/// b_i = `itemBias[i]`, inverted-dropout masks m_u, m_i and μ = `meanOffset`:
///
///     x = (m_u ⊙ p_u) · (m_i ⊙ q_i) + b_u + b_i + μ,    r̂ = s(x)
///
/// where s is `range` (lo + (hi - lo)·σ(x), or the identity) and μ is a constant, never
/// trained: 0 without `global_mean`; with it, the training mean m without a range, and
/// under a range the logit that s maps to m, ln((m − lo)/(hi − m)), so that a model whose
/// other terms start near zero first predicts the training mean (semantics 3; semantics
/// 2 and before added m itself inside the sigmoid: `meanInsideRange` false). Backward, for
/// L = (1/B) Σ (r̂ - r)² and g = 2(r̂ - r)·s'(x)/B:
///
///     ∂L/∂p_u += g·m_u⊙m_i⊙q_i,  ∂L/∂q_i += g·m_u⊙m_i⊙p_u,  ∂L/∂b_u += g,  ∂L/∂b_i += g
///
/// Initialisation: the biases use the same initializer as the embeddings, each tensor
/// from its own stream (`ParameterStreams`; semantics 1 drew them from one stream in the
/// order user_embedding, item_embedding, user_bias, item_bias). That is what both sources
/// do: fastai's bias is an `Embedding(n, 1)` with trunc_normal(std 0.01), and a Keras bias
/// is a `layer_embedding(n, 1)` with the layer's (uniform) initializer.
///
/// Two additions, off by default:
/// - `bias_init: data` starts the biases at the baseline estimates (`TrainingStatistics`):
///   with T the map that `meanOffset` applies (the logit under a range, else the identity),
///   b_i = T(m + β_i) − μ and b_u = T(m + β_u) − T(m), so that the first prediction of a
///   pair is near m + β_u + β_i; unseen rows start at 0. The bias tensors still draw
///   their own streams first, so the embeddings start exactly as without it.
/// - `l2` λ > 0 adds a per-rating penalty: each rating adds w_u(‖p_u‖² + b_u²) +
///   w_i(‖q_i‖² + b_i²) to its squared error, with w = λ·(n/n̄)^(α−1) for a row with n
///   training ratings (n̄ the mean over seen rows, α = `l2_exponent`). A row's penalty
///   over an epoch is so ∝ n^α: α = 1 is the per-rating L2 of Funk/Koren SGD (and
///   Surprise), α = 0 gives every row the same total. The penalty is part of the loss
///   (`train_loss` includes it), and of the gradient: ∂/∂p_u += (2/B)·w_u·p_u per rating.
///
/// - `implicit: true` is Koren's SVD++: the user side becomes p_u + z_u, with
///   z_u = |N(u)|^(−1/2) Σ_{j∈N(u)} y_j over the user's training items N(u)
///   (`TrainingStatistics.ratedItems`) and y = `implicitEmbedding`, a third table drawn
///   from `init`; see `DotBiasModel+Implicit.swift`. The user mask multiplies p_u + z_u.
///   s_u = p_u + z_u is kept in the buffer `userFactors` (stored with the model, so a rebuilt model
///   predicts without N(u)), brought up to date with y at the end of every epoch
///   (`finishEpoch`) and when the model is made.
///
/// Dropout is drawn per rating (user mask, then item mask) only in `forwardBackward`.
/// Cold start in `predict`: an unseen user's p_u and b_u count as zero, and so do an
/// unseen item's q_i and b_i; the known side's bias still applies, so r̂ = s(b_i + μ)
/// for a new user and s(μ) when both are new.
public final class DotBiasModel: BlockTrainable {
    public let kind: ModelConfig.Kind = .dotBias
    public let userEmbedding: Parameter
    public let itemEmbedding: Parameter
    public let userBias: Parameter
    public let itemBias: Parameter
    public let dimensions: Int
    public let range: SigmoidRange
    /// μ added before the sigmoid: 0, the training mean, or its logit under a range.
    public let meanOffset: Float
    public let statistics: TrainingStatistics
    /// Each row's per-rating penalty weight w (empty without `l2`).
    let userPenalties: [Float]
    let itemPenalties: [Float]
    /// y of `implicit: true` (nil without it), and s_u = p_u + z_u, the user factors that
    /// `predict` and `factorForm` read (brought up to date by `finishEpoch`).
    public let implicitEmbedding: Parameter?
    public let userFactors: Parameter?
    /// |N(u)|^(−1/2) per user (0 for a user without training items); empty when the
    /// statistics list no items (a rebuilt model, whose z is loaded, never recomputed).
    let implicitNorms: [Float]
    /// Each lane's scratch for the implicit term: the sum Σ y_j, then p_u + z_u, then the y gradient.
    private(set) var implicitScratch = [ScratchBuffer()]
    /// Each lane's dropout masks (lane 0 first; see `BlockTrainable`).
    private(set) var userDropouts: [DropoutMask]
    private(set) var itemDropouts: [DropoutMask]
    /// Each lane's forward sums of a batch (the mask-free training pass).
    private(set) var forwardSums = [ScratchBuffer()]

    public init(
        dimensions: Int, initializer: Initializer, range: SigmoidRange, addsGlobalMean: Bool,
        dropout: Dropout, statistics: TrainingStatistics, streams: ParameterStreams, meanInsideRange: Bool = true,
        biasInit: ModelConfig.BiasInit = .embedding, l2: Double = 0, l2Exponent: Double = 1, implicit: Bool = false
    ) {
        self.dimensions = dimensions
        self.range = range
        self.meanOffset = addsGlobalMean ? Self.meanOffset(statistics.globalMean, range: range, inside: meanInsideRange) : 0
        self.statistics = statistics
        let users = statistics.userCount
        let items = statistics.itemCount
        userEmbedding = initializer.table(name: "user_embedding", rows: users, columns: dimensions, streams: streams)
        itemEmbedding = initializer.table(name: "item_embedding", rows: items, columns: dimensions, streams: streams)
        userBias = initializer.table(name: "user_bias", rows: users, columns: 1, streams: streams)
        itemBias = initializer.table(name: "item_bias", rows: items, columns: 1, streams: streams)
        userDropouts = [DropoutMask(rate: dropout.user, width: dimensions)]
        itemDropouts = [DropoutMask(rate: dropout.item, width: dimensions)]
        userPenalties = l2 > 0 ? Self.penalties(l2, exponent: l2Exponent, counts: statistics.userCounts, rows: users) : []
        itemPenalties = l2 > 0 ? Self.penalties(l2, exponent: l2Exponent, counts: statistics.itemCounts, rows: items) : []
        if implicit {
            implicitEmbedding = initializer.table(name: "implicit_embedding", rows: items, columns: dimensions, streams: streams)
            userFactors = Parameter(
                name: "user_factors", shape: [users, dimensions], values: [Float](repeating: 0, count: users * dimensions),
                rowSparse: false)
            implicitNorms = Self.implicitNorms(statistics)
        } else {
            implicitEmbedding = nil
            userFactors = nil
            implicitNorms = []
        }
        if biasInit == .data { startBiasesAtBaselines() }
        finishEpoch()
    }

    /// The weights w = λ·(n/n̄)^(α−1) of the type's comment; rows without ratings get λ
    /// (never used), and so does every row of statistics that did not count ratings.
    static func penalties(_ lambda: Double, exponent: Double, counts: [Int32], rows: Int) -> [Float] {
        guard counts.count == rows else { return [Float](repeating: Float(lambda), count: rows) }
        let seen = counts.filter { $0 > 0 }
        let mean = seen.isEmpty ? 1 : Double(seen.reduce(0) { $0 + Int($1) }) / Double(seen.count)
        return counts.map { $0 > 0 ? Float(lambda * pow(Double($0) / mean, exponent - 1)) : Float(lambda) }
    }

    /// `bias_init: data`, as the type's comment gives it. Statistics that hold no baselines
    /// (those a stored model is rebuilt from, before its kept parameters are loaded into
    /// it) leave the biases as drawn: training always measures them.
    private func startBiasesAtBaselines() {
        guard statistics.userBaselines.count == userBias.values.count,
              statistics.itemBaselines.count == itemBias.values.count else { return }
        let mean = statistics.globalMean
        let range = range
        func link(_ value: Float) -> Float { Self.meanOffset(value, range: range, inside: true) }
        let userStart = link(mean)
        for user in 0..<userBias.values.count {
            userBias.values[user] = statistics.userSeen[user] ? link(mean + statistics.userBaselines[user]) - userStart : 0
        }
        for item in 0..<itemBias.values.count {
            itemBias.values[item] = statistics.itemSeen[item] ? link(mean + statistics.itemBaselines[item]) - meanOffset : 0
        }
    }

    public var parameters: [Parameter] { [userEmbedding, itemEmbedding, userBias, itemBias] + (implicitEmbedding.map { [$0] } ?? []) }

    /// s = p + z of `implicit: true`, saved and restored with the parameters.
    public var buffers: [Parameter] { userFactors.map { [$0] } ?? [] }

    /// SVD++'s ratings write the y rows of every item their user rated, across blocks.
    public var trainsInBlocks: Bool { implicitEmbedding == nil }

    public func prepareLanes(_ count: Int, compact: Bool) {
        for parameter in parameters { parameter.prepareLanes(count, compact: compact) }
        while userDropouts.count < count {
            userDropouts.append(DropoutMask(rate: Double(userDropouts[0].rate), width: dimensions))
            itemDropouts.append(DropoutMask(rate: Double(itemDropouts[0].rate), width: dimensions))
        }
        while forwardSums.count < count { forwardSums.append(ScratchBuffer()) }
        while implicitScratch.count < count { implicitScratch.append(ScratchBuffer()) }
    }

    /// `predict` only reads the model.
    public var predictsConcurrently: Bool { true }

    /// Seen pairs start from μ + b_u, add b_i, then p_u · q_i (with SVD++, (p_u + z_u) · q_i),
    /// under `range` (as `predict`).
    public var factorForm: FactorForm? {
        let meanOffset = meanOffset
        return FactorForm(
            width: dimensions, userFactors: userFactors ?? userEmbedding, itemFactors: itemEmbedding,
            userStarts: userBias.values.map { meanOffset + $0 }, itemOffsets: itemBias.values, range: range, statistics: statistics)
    }

    /// The constant that makes s(μ) the training mean `mean` (see the type's comment);
    /// a mean on or outside the range's ends is clamped a thousandth inside them.
    static func meanOffset(_ mean: Float, range: SigmoidRange, inside: Bool) -> Float {
        guard inside, range.isEnabled, range.high > range.low else { return mean }
        let margin = (range.high - range.low) * 1e-3
        let clamped = min(max(mean, range.low + margin), range.high - margin)
        return log((clamped - range.low) / (range.high - clamped))
    }

    /// r̂ for each pair, as the type's comment gives it (cold start included). Runs of eight
    /// seen pairs are summed together (`PairDots`), each with the one-pair loop's bits.
    public func predict(
        users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>,
        into output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(users.count == items.count && items.count <= output.count, "predict: length mismatch")
        // SVD++'s user side is s_u = p_u + z_u, kept by `finishEpoch`.
        let userTable = (userFactors ?? userEmbedding).values
        let width = dimensions
        let statistics = statistics
        let range = range
        let meanOffset = meanOffset
        userTable.withUnsafeBufferPointer { userValues in
            itemEmbedding.values.withUnsafeBufferPointer { itemValues in
                userBias.values.withUnsafeBufferPointer { userBiases in
                    itemBias.values.withUnsafeBufferPointer { itemBiases in
                        PairDots.forEachRun(
                            users: users, items: items, statistics: statistics, userTable: userValues, itemTable: itemValues,
                            width: width
                        ) { index in
                            var starts = SIMD8<Float>()
                            for lane in 0..<8 {
                                starts[lane] = meanOffset + userBiases[Int(users[index + lane])] + itemBiases[Int(items[index + lane])]
                            }
                            let x = PairDots.eight(
                                starts: starts, userTable: userValues, itemTable: itemValues, users: users, items: items,
                                at: index, width: width)
                            for lane in 0..<8 { output[index + lane] = range.value(x[lane]) }
                        } single: { index in
                            let user = users[index]
                            let item = items[index]
                            let userKnown = statistics.isKnown(user: user)
                            let itemKnown = statistics.isKnown(item: item)
                            var x = meanOffset
                            if userKnown { x += userBiases[Int(user)] }
                            if itemKnown { x += itemBiases[Int(item)] }
                            if userKnown && itemKnown {
                                let userRow = Int(user) * width
                                let itemRow = Int(item) * width
                                for offset in 0..<width {
                                    x += userValues[userRow + offset] * itemValues[itemRow + offset]
                                }
                            }
                            output[index] = range.value(x)
                        }
                    }
                }
            }
        }
    }
}
