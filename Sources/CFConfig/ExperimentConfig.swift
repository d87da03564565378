/// One experiment file, resolved: every field typed, validated and defaulted.
///
/// The YAML keys (`embedding_dim`, `lr`, ...) are the user's vocabulary, documented in
/// `docs/config.md` (with every limit); the Swift names spell them out. Every default is stated
/// on its field. `ConfigLoader` is the only way to build one from a file.
public struct ExperimentConfig: Equatable, Sendable {
    /// Schema version (`version`), part of the trial key. Default 1.
    public var version: Int = 1
    /// Display name (`name`), default the file's stem; not part of the trial key.
    public var name: String = "experiment"
    /// Free text (`description`); not part of the trial key.
    public var description: String = ""
    /// Labels (`tags`); not part of the trial key.
    public var tags: [String] = []
    /// Base seed (`seed`). Default 42.
    public var seed: UInt64 = 42
    public var data = DataConfig()
    public var split = SplitConfig()
    public var model = ModelConfig()
    public var optimizer = OptimizerConfig()
    public var schedule = ScheduleConfig()
    public var training = TrainingConfig()
    public var evaluation = EvaluationConfig()

    public init() {}

    /// The seed of the data split: `split.seed`, or the base seed.
    public var splitSeed: UInt64 { split.seed ?? seed }
}

/// Where the ratings come from (`data:`).
public struct DataConfig: Equatable, Sendable {
    public enum Source: String, CaseIterable, Sendable { case movielens, csv, synthetic }
    public enum DuplicatePolicy: String, CaseIterable, Sendable { case last, error }

    /// `source`, default `synthetic` so that a bare file runs anywhere.
    public var source: Source = .synthetic
    /// `name`: a MovieLens folder under `$CFLAB_DATA` (for example `ml-100k`).
    public var name: String?
    /// `path`: a MovieLens folder or CSV file anywhere; wins over `name`.
    public var path: String?
    /// `csv`: column layout for `source: csv`.
    public var csv = CSVOptions()
    /// `synthetic`: the planted-factor generator's settings.
    public var synthetic = SyntheticOptions()
    /// `duplicates`: what a repeated (user, item) pair means. Default `last`.
    public var duplicates: DuplicatePolicy = .last
    /// `rating_range: [lo, hi]`: the scale every rating must lie on. Default null: a
    /// MovieLens release's known scale (1-5 for ml-100k, 0.5-5 for the others), the
    /// observed range for csv and synthetic data. It only checks the data, so it is not
    /// part of the trial key.
    public var ratingRange: ClosedRange<Double>?

    public init() {}
}

/// A CSV column, by zero-based index or by header name.
public enum ColumnRef: Equatable, Sendable {
    case index(Int)
    case name(String)
}

/// `data.csv`: how to read a generic ratings file.
public struct CSVOptions: Equatable, Sendable {
    /// `path` of the file (relative paths resolve against the experiment file's folder).
    public var path: String?
    /// `columns`: default user 0, item 1, rating 2, timestamp 3 (optional).
    public var user: ColumnRef = .index(0)
    public var item: ColumnRef = .index(1)
    public var rating: ColumnRef = .index(2)
    public var timestamp: ColumnRef? = .index(3)
    /// `delimiter`, default ",".
    public var delimiter: String = ","
    /// `header`, default true.
    public var header: Bool = true

    public init() {}
}

/// `data.synthetic`: planted low-rank factors with power-law popularity.
public struct SyntheticOptions: Equatable, Sendable {
    public var users: Int = 2000
    public var items: Int = 1000
    public var ratings: Int = 100_000
    /// Rank of the planted factors.
    public var rank: Int = 8
    /// Standard deviation of the Gaussian noise added to each rating.
    public var noise: Double = 0.3
    /// Seed of the generator (independent of the experiment seed). Default 7.
    public var seed: UInt64 = 7

    public init() {}
}

/// How ratings are divided into train, validation and test (`split:`).
public struct SplitConfig: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case random, kfold, perUser = "per_user", temporal, predefined
    }

    /// `kind`, default `random`.
    public var kind: Kind = .random
    /// `valid`: the fraction held out for validation. Default 0.2.
    public var valid: Double = 0.2
    /// `test`: the fraction held out for testing (0 = none). Default 0.
    public var test: Double = 0.0
    /// `folds` for kfold. Default 5.
    public var folds: Int = 5
    /// `fold` for kfold: which fold is held out. Default 0.
    public var fold: Int = 0
    /// `fold` for predefined: the name of a shipped fold such as `u1` or `ua`.
    public var predefinedFold: String = "u1"
    /// `last_n` for temporal: hold out each user's last n ratings instead of a global cutoff.
    public var lastN: Int?
    /// `seed`: null means the base seed. The split never depends on the trial.
    public var seed: UInt64?
    /// `refit`: the validation part joins training (no validation metrics). Default false.
    public var refit: Bool = false

    public init() {}
}

/// Which model, and its shape (`model:`).
public struct ModelConfig: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case dot, dotBias = "dot_bias", nn, globalMean = "global_mean", biases
    }

    /// `kind`, default `dot_bias`.
    public var kind: Kind = .dotBias
    /// `embedding_dim`, default 50.
    public var embeddingDim: EmbeddingDim = .fixed(50)
    /// `init`, default truncated normal with std 0.01 (fastai).
    public var initializer: Initializer = .truncatedNormal(std: 0.01)
    /// `global_mean`: dot_bias adds the training mean. Default false.
    public var globalMean: Bool = false
    /// `y_range`: sigmoid range. Default none.
    public var yRange: YRange = .none
    /// `dropout` on the user and item embedding vectors. Default 0 for both.
    public var dropout = Dropout(user: 0, item: 0)
    /// `layers` of the nn model. Default [100, 50].
    public var layers: [Int] = [100, 50]
    /// `layer_dropout`, one rate per hidden layer. Default all 0.
    public var layerDropout: [Double] = []
    /// `batchnorm` after each hidden layer of the nn model. Default false.
    public var batchnorm: Bool = false
    /// `bias_init`: how dot_bias starts its biases. Default `embedding` (the init above).
    public var biasInit: BiasInit = .embedding
    /// `l2`: dot_bias's per-rating L2 penalty λ on the rows and biases a rating uses. Default 0.
    public var l2: Double = 0
    /// `l2_exponent`: α, how a row's total penalty grows with its rating count n (∝ n^α). Default 1.
    public var l2Exponent: Double = 1
    /// `implicit`: dot_bias adds SVD++'s implicit-feedback term, |N(u)|^-1/2 Σ_{j∈N(u)} y_j
    /// over the items u rated in training, to the user's factors. Default false.
    public var implicit: Bool = false

    /// `model.bias_init`: the embeddings' initializer, or baseline estimates from the data.
    public enum BiasInit: String, CaseIterable, Sendable {
        case embedding, data
    }

    public init() {}
}

/// `model.embedding_dim`: a size, `auto` (fastai's heuristic), or one size per side.
public enum EmbeddingDim: Equatable, Sendable {
    case fixed(Int)
    case auto
    case perSide(user: Int, item: Int)
}

/// `model.init`: how embedding tables start.
public enum Initializer: Equatable, Sendable {
    case uniform(low: Double, high: Double)
    case normal(std: Double)
    case truncatedNormal(std: Double)
}

/// `model.y_range`: the sigmoid range lo + (hi - lo)·sigmoid(x).
public enum YRange: Equatable, Sendable {
    /// No sigmoid.
    case none
    /// The training data's minimum and maximum rating.
    case data
    case fixed(low: Double, high: Double)
}

/// `model.dropout`: rates applied to the user and item embedding vectors.
public struct Dropout: Equatable, Sendable {
    public var user: Double
    public var item: Double

    public init(user: Double, item: Double) {
        self.user = user
        self.item = item
    }
}

/// The optimiser (`optimizer:`).
public struct OptimizerConfig: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable { case sgd, adagrad, adam, adamw }
    public enum WeightDecayMode: String, CaseIterable, Sendable {
        /// Adds weightDecay·w to the gradient (= wd/2·Σw² in the loss).
        case l2
        /// Shrinks weights directly: w -= lr·wd·w ("true weight decay", AdamW).
        case decoupled
    }

    /// `kind`, default `adam`.
    public var kind: Kind = .adam
    /// `lr`, default 1e-3.
    public var learningRate: Double = 1e-3
    /// `betas`, default (0.9, 0.999).
    public var beta1: Double = 0.9
    public var beta2: Double = 0.999
    /// `eps`, default 1e-8.
    public var epsilon: Double = 1e-8
    /// `momentum` for sgd, default 0.
    public var momentum: Double = 0
    /// `weight_decay`, default 0.
    public var weightDecay: Double = 0
    /// `weight_decay_mode`: l2 by default, decoupled for adamw.
    public var weightDecayMode: WeightDecayMode = .l2
    /// `dense`: update every embedding row every step (PyTorch semantics). Default false.
    public var dense: Bool = false

    public init() {}
}

/// The learning-rate schedule (`schedule:`).
public struct ScheduleConfig: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case constant, oneCycle = "one_cycle", cosine, step
    }

    /// `kind`, default `constant`.
    public var kind: Kind = .constant
    /// `pct_start` (one_cycle): fraction of steps spent warming up. Default 0.25.
    public var pctStart: Double = 0.25
    /// `div` (one_cycle): the start lr is lr/div. Default 25.
    public var div: Double = 25
    /// `final_div` (one_cycle): the end lr is lr/final_div. Default 1e5.
    public var finalDiv: Double = 1e5
    /// `moms` (one_cycle): beta1 at start, middle and end. Default (0.95, 0.85, 0.95).
    public var moms: [Double] = [0.95, 0.85, 0.95]
    /// `warmup` (cosine): fraction of steps of linear warmup. Default 0.
    public var warmup: Double = 0
    /// `min_lr` (cosine): floor as a fraction of lr. Default 0.
    public var minLR: Double = 0
    /// `step_size` (step): epochs between decays. Default 1.
    public var stepSize: Int = 1
    /// `gamma` (step): factor applied at each decay. Default 0.1.
    public var gamma: Double = 0.1

    public init() {}
}

/// The training loop (`training:`).
public struct TrainingConfig: Equatable, Sendable {
    public enum Keep: String, CaseIterable, Sendable { case best, final, none }

    /// `epochs`, default 10.
    public var epochs: Int = 10
    /// `batch_size`, default 64.
    public var batchSize: Int = 64
    /// `early_stopping`, default off.
    public var earlyStopping: EarlyStopping?
    /// `keep`: which parameters the store keeps. Default best.
    public var keep: Keep = .best
    /// `threads`: never changes results. Default 1.
    public var threads: Int = 1
    /// `blocks`: B, the user and item groups of block training (DSGD; see docs/config.md).
    /// 1 trains in one shuffled order; results depend on B, never on `threads`. Default 1.
    public var blocks: Int = 1
    /// `shards`: the parts each batch of the nn model splits into, trained at once
    /// (a data-parallel batch split; see docs/config.md). 1 is no split; results depend
    /// on it (rounding only), never on `threads`. Default 1.
    public var shards: Int = 1

    public init() {}
}

/// `training.early_stopping`: stop when validation RMSE stops improving.
public struct EarlyStopping: Equatable, Sendable {
    /// Epochs without improvement before stopping. Default 2.
    public var patience: Int = 2
    /// Smallest decrease that counts as an improvement. Default 0.
    public var minDelta: Double = 0
    /// Put back the best epoch's parameters at the end. Default true.
    public var restoreBest: Bool = true

    public init(patience: Int = 2, minDelta: Double = 0, restoreBest: Bool = true) {
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBest = restoreBest
    }
}

/// What is measured (`evaluation:`).
public struct EvaluationConfig: Equatable, Sendable {
    /// How unseen users and items are scored (`cold_start`).
    public enum ColdStart: String, CaseIterable, Sendable {
        /// Unseen users or items use known biases or the training mean. The default.
        case fallback
        /// Unseen users or items are scored with their untrained initial parameters, as the
        /// source notebooks do; use it to reproduce their published numbers.
        case model
    }

    /// `clip`: clip predictions to the data's rating range. Default false.
    public var clip: Bool = false
    /// `cold_start`: fallback (default) or model.
    public var coldStart: ColdStart = .fallback
    public var ranking = RankingConfig()

    public init() {}
}

/// `evaluation.ranking`: top-K metrics.
public struct RankingConfig: Equatable, Sendable {
    public enum Every: String, CaseIterable, Sendable { case end, epoch, never }

    public var every: Every = .end
    public var k: [Int] = [10]
    public var threshold: Double = 4.0

    public init() {}
}
