import CFConfig
import CFCore

/// A mini-batch of (user, item, rating) triples, viewed in place (no copies).
public struct RatingBatch {
    public let users: UnsafeBufferPointer<Int32>
    public let items: UnsafeBufferPointer<Int32>
    public let ratings: UnsafeBufferPointer<Float>

    public init(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, ratings: UnsafeBufferPointer<Float>) {
        self.users = users
        self.items = items
        self.ratings = ratings
    }

    public var count: Int { ratings.count }
}

/// What a model knows about its training data: the mean, the rating range, and which
/// users and items it has seen (the rest get a cold-start fallback).
public struct TrainingStatistics: Equatable, Sendable {
    public var globalMean: Float
    public var ratingMin: Float
    public var ratingMax: Float
    public var userSeen: [Bool]
    public var itemSeen: [Bool]
    /// Training ratings per user and per item (empty when not measured).
    public var userCounts: [Int32]
    public var itemCounts: [Int32]
    /// Baseline estimates in rating units (Koren 2008, eq. 2): for each item
    /// b_i = Σ (r − μ) / (25 + n_i), then for each user b_u = Σ (r − μ − b_i) / (10 + n_u),
    /// both over training ratings; what `model.bias_init: data` starts from. Empty when not
    /// measured (`init(training:…, baselines: false)`, the default).
    public var userBaselines: [Float]
    public var itemBaselines: [Float]
    /// Each user's training items, N(u) of `model.implicit` (SVD++): user u's are
    /// `ratedItems[ratedStarts[u]..<ratedStarts[u + 1]]`, in training order. Empty when not
    /// measured (`init(training:…, ratedItems: false)`, the default).
    public var ratedStarts: [Int32] = []
    public var ratedItems: [Int32] = []

    /// The shrinkage of the baseline estimates: pseudo-ratings at the mean, per item and per user.
    public static let itemShrinkage = 25.0, userShrinkage = 10.0

    public init(
        globalMean: Float, ratingMin: Float, ratingMax: Float, userSeen: [Bool], itemSeen: [Bool],
        userCounts: [Int32] = [], itemCounts: [Int32] = [], userBaselines: [Float] = [], itemBaselines: [Float] = []
    ) {
        self.globalMean = globalMean
        self.ratingMin = ratingMin
        self.ratingMax = ratingMax
        self.userSeen = userSeen
        self.itemSeen = itemSeen
        self.userCounts = userCounts
        self.itemCounts = itemCounts
        self.userBaselines = userBaselines
        self.itemBaselines = itemBaselines
    }

    public var userCount: Int { userSeen.count }
    public var itemCount: Int { itemSeen.count }
}

/// Anything that scores (user, item) pairs: a trained model, or the mean of several.
public protocol RatingPredictor: AnyObject {
    /// Predictions for (user, item) pairs in evaluation mode (no dropout). Users or items
    /// not seen in training get the model's cold-start fallback.
    func predict(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, into output: UnsafeMutableBufferPointer<Float>)
    /// Whether `predict` may run on several threads at once (on disjoint outputs): true
    /// when it only reads the model. Evaluators split their pairs over threads only then.
    /// Default false.
    var predictsConcurrently: Bool { get }
}

/// A rating model: named parameters, batch scoring, and a hand-written forward/backward pass.
///
/// The training loss is the mean squared error over the batch,
/// L = (1/B) Σ (r̂ - r)², and `forwardBackward` adds ∂L/∂θ into each parameter's
/// gradient (weight decay is the optimiser's business, not the model's).
public protocol RatingModel: RatingPredictor {
    var kind: ModelConfig.Kind { get }
    /// Every trainable tensor, in a stable order with stable names.
    var parameters: [Parameter] { get }
    /// Non-trainable state that must be saved and restored with the parameters (for
    /// example batchnorm running means). Optimisers never see it. Default: none.
    var buffers: [Parameter] { get }

    /// One training step's forward and backward pass. Dropout (if any) draws from
    /// `random`. Returns the sum of squared errors of the batch (before the mean).
    func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double

    /// The model's score of seen pairs as a dot product of factor rows (`FactorForm`), so
    /// that ranking can score every item of a block of users with vector kernels and get
    /// `predict`'s bits; nil (the default) for a model that is not one.
    var factorForm: FactorForm? { get }

    /// Brings state derived from the parameters (not trained itself) up to date at the
    /// end of an epoch, before it is evaluated or saved: SVD++'s z_u = c_u Σ y_j. Default:
    /// nothing to do.
    func finishEpoch()
}

/// A model whose every parameter is a row-sparse table, so that ratings of disjoint user
/// and item blocks touch disjoint rows and can train at the same time (block training,
/// `training.blocks`; Gemulla et al.'s DSGD).
///
/// A lane is one such concurrent pass: it has its own touched-row lists (`Parameter`)
/// and its own scratch (dropout masks); lane 0 is the one `forwardBackward(_:random:)`
/// uses. Lanes write only the rows of their own ratings' users and items.
public protocol BlockTrainable: RatingModel {
    /// Whether ratings of disjoint blocks touch disjoint rows (true unless a rating reaches
    /// beyond its own user's and item's rows, as SVD++'s y does).
    var trainsInBlocks: Bool { get }
    /// Makes lanes `0..<count` usable; called before any lane runs, never while they do.
    /// With `compact`, the lanes' gradients go to buffers of their own, read through
    /// `Parameter.compactGradient(lane:)` by `Optimizer.stepRows`, not to the tables
    /// (`Parameter.prepareLanes(_:compact:)`); without, to the tables.
    func prepareLanes(_ count: Int, compact: Bool)
    /// `forwardBackward(_:random:)` on lane `lane`, reading and writing the parameters
    /// through `tables` (`parameters.withTables`, in `parameters` order): the same
    /// arithmetic, that lane's touched rows and scratch.
    func forwardBackward(_ batch: RatingBatch, lane: Int, tables: [TableBuffers], random: inout Xoshiro256StarStar) -> Double
}

extension BlockTrainable {
    public var trainsInBlocks: Bool { true }

    public func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double {
        parameters.withTables { forwardBackward(batch, lane: 0, tables: $0, random: &random) }
    }
}
