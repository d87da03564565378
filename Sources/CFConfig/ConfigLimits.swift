/// The bounds cflab puts on an experiment file, so that no file can exhaust time or memory.
///
/// Each limit is documented in `docs/config.md`. Reading refuses a file before parsing it
/// (size, NUL bytes), `YAMLBudget` refuses a document before it is composed (nesting,
/// alias expansion, node count, tags), and the decoder refuses values beyond the maxima
/// below with the key and the maximum in the message.
public enum ConfigLimits {
    /// Largest experiment file read, in bytes (1 MiB). Committed files are under 2 KiB.
    public static let maximumFileBytes = 1 << 20
    /// Deepest nesting of mappings and lists (the top-level mapping is depth 1).
    public static let maximumDepth = 64
    /// Most nodes that aliases (`*name`) may add to a document, counted after expansion.
    public static let maximumAliasNodes = 10_000
    /// Most nodes in one document, aliases expanded.
    public static let maximumDocumentNodes = 100_000
    /// Longest `name` or tag, in characters.
    public static let maximumNameLength = 200
    /// Most tags in `tags`.
    public static let maximumTags = 64

    /// `training.epochs`.
    public static let maximumEpochs = 10_000
    /// `training.batch_size`.
    public static let maximumBatchSize = 1 << 20
    /// `training.threads`.
    public static let maximumThreads = 256
    /// `training.blocks` (B² blocks per epoch).
    public static let maximumBlocks = 64
    /// `training.shards`.
    public static let maximumShards = 64
    /// `model.embedding_dim` (each side of a per-side size too).
    public static let maximumEmbeddingDim = 4_096
    /// Number of hidden layers in `model.layers`.
    public static let maximumLayers = 16
    /// Width of one hidden layer in `model.layers`.
    public static let maximumLayerWidth = 8_192
    /// `split.folds`.
    public static let maximumFolds = 100
    /// Each cutoff in `evaluation.ranking.k`, and how many there are.
    public static let maximumRankingK = 1_000
    public static let maximumRankingCutoffs = 16
    /// `sweep.seeds` (how many) and `sweep.repeats`.
    public static let maximumSeeds = 1_000
    /// `sweep.samples` and `sweep.max_trials`: no sweep expands to more trials anyway.
    public static let maximumTrials = 100_000
    /// `data.synthetic.users` and `data.synthetic.items`.
    public static let maximumSyntheticSide = 500_000
    /// `data.synthetic.ratings`.
    public static let maximumSyntheticRatings = 20_000_000
    /// `data.synthetic.rank`.
    public static let maximumSyntheticRank = 64
}
