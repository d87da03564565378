/// How a factor model scores a pair whose user and item were both seen in training,
/// spelled out so that a caller can score whole blocks of pairs with the very same
/// operations (CFTraining's `CatalogueScorer`, for ranking every item).
///
/// For a seen user u and a seen item i (by `statistics`), the model's `predict` computes,
/// in Float, one rounded operation at a time:
///
///     x = userStarts[u]
///     x = x + itemOffsets[i]                         (only when itemOffsets is not nil)
///     x = x + userFactors[u, k] · itemFactors[i, k]  for k = 0, 1, …, width − 1
///     r̂ = range.value(x)
///
/// A pair with an unseen side gets the model's cold-start fallback: score it with
/// `predict`. A model that offers a form also predicts safely from several threads
/// at once (`predictsConcurrently`), since its `predict` only reads.
public struct FactorForm {
    /// The factors per row, k.
    public let width: Int
    /// p_u, one row of `width` per user.
    public let userFactors: Parameter
    /// q_i, one row of `width` per item.
    public let itemFactors: Parameter
    /// x's first value, by user id.
    public let userStarts: [Float]
    /// What is added to the start, by item id; nil when nothing is (not even a zero).
    public let itemOffsets: [Float]?
    /// The squashing applied to x.
    public let range: SigmoidRange
    /// Which users and items the model has seen (the rest get its fallback).
    public let statistics: TrainingStatistics

    public init(
        width: Int, userFactors: Parameter, itemFactors: Parameter, userStarts: [Float], itemOffsets: [Float]?,
        range: SigmoidRange, statistics: TrainingStatistics
    ) {
        precondition(userFactors.columns == width && itemFactors.columns == width, "factor form: rows of another width")
        precondition(userStarts.count == userFactors.rows, "factor form: one start per user")
        precondition(itemOffsets.map { $0.count == itemFactors.rows } ?? true, "factor form: one offset per item")
        self.width = width
        self.userFactors = userFactors
        self.itemFactors = itemFactors
        self.userStarts = userStarts
        self.itemOffsets = itemOffsets
        self.range = range
        self.statistics = statistics
    }
}
