import CFConfig
import CFCore

/// fastai's `EmbeddingNN`: an MLP on the concatenated user and item embeddings.
///
/// Forward, with p_u = `userEmbedding[u]` (width `userDimensions`), q_i =
/// `itemEmbedding[i]` (width `itemDimensions`) and embedding-dropout masks m_u, m_i:
///
///     x₀ = [m_u ⊙ p_u ; m_i ⊙ q_i]
///     x_{l+1} = m_l ⊙ BatchNorm_l(ReLU(x_l·W_lᵀ + b_l))     for each `blocks[l]`
///     o = x_L·w_outᵀ + b_out,   r̂ = s(o)
///
/// with s the `range` sigmoid (or the identity) and BatchNorm only with `batchnorm: true`.
/// Backward, for L = (1/B) Σ (r̂ - r)²: ∂L/∂o = 2(r̂ - r)·s′(o)/B, pushed through the
/// output layer and each block in reverse (see `DenseLayer`, `BatchNormLayer`,
/// `HiddenBlock`), and finally ∂L/∂p_u += m_u ⊙ ∂L/∂x₀[user part] and
/// ∂L/∂q_i += m_i ⊙ ∂L/∂x₀[item part] on the looked-up (touched) rows.
///
/// Initialisation, each tensor from its own stream (`ParameterStreams`; in this order from
/// one stream under semantics 1): user_embedding, item_embedding (the
/// config's initializer, fastai: trunc_normal std 0.01), then per layer its weight and
/// bias, then `output.weight`, `output.bias` (PyTorch `nn.Linear`: uniform ±1/√fan_in).
/// Batchnorm γ = 1, β = 1e-3 are constants; their running mean/variance are `buffers`.
///
/// Dropout masks are drawn in training only: the user masks of the batch, the item
/// masks, then each layer's. Cold start in `predict`: an unseen user's or item's
/// embedding counts as the zero vector; the network still runs on the other side.
public final class NeuralModel: RatingModel {
    public let kind: ModelConfig.Kind = .nn
    public let userEmbedding: Parameter
    public let itemEmbedding: Parameter
    public let userDimensions: Int
    public let itemDimensions: Int
    public let range: SigmoidRange
    public let statistics: TrainingStatistics
    let blocks: [HiddenBlock]
    let output: DenseLayer
    let userDropout: DropoutMask
    let itemDropout: DropoutMask
    /// x₀ for the current batch, rows × (userDimensions + itemDimensions).
    let embedded = ScratchBuffer()
    /// Ping-pong buffers for ∂L/∂x_l, rows × `widestLayer`.
    let gradients = (ScratchBuffer(), ScratchBuffer())
    /// o for the current batch, one value per row.
    let scores = ScratchBuffer()
    /// The input of each block and of the output layer in the last forward pass.
    var layerInputs: [UnsafeMutablePointer<Float>] = []
    let widestLayer: Int
    /// Rows scored per pass in `predict`.
    let predictionChunk = 1024
    /// `training.shards` > 1: the shard count and the team that runs the shards.
    var sharding: (shards: Int, team: WorkerTeam)?
    /// The last batch size's shards under `sharding` (batches but the last have one size).
    var batchShards: BatchShards?

    /// Builds the model `config` describes (`embedding_dim`, `layers`, `layer_dropout`,
    /// `batchnorm`, `dropout`, `init`, `y_range`).
    public init(config: ModelConfig, statistics: TrainingStatistics, streams: ParameterStreams) throws {
        let sizes = try config.embeddingDim.sizes(userCount: statistics.userCount, itemCount: statistics.itemCount)
        guard config.layers.allSatisfy({ $0 > 0 }) else { throw ModelError.invalidLayers(config.layers) }
        guard config.layerDropout.count <= config.layers.count else {
            throw ModelError.invalidDropout(name: "layer_dropout", rate: config.layerDropout.last ?? 0)
        }
        for rate in config.layerDropout where !(rate >= 0 && rate < 1) {
            throw ModelError.invalidDropout(name: "layer_dropout", rate: rate)
        }
        range = try SigmoidRange(config.yRange, statistics: statistics)
        self.statistics = statistics
        userDimensions = sizes.user
        itemDimensions = sizes.item
        userEmbedding = config.initializer.table(
            name: "user_embedding", rows: statistics.userCount, columns: sizes.user, streams: streams)
        itemEmbedding = config.initializer.table(
            name: "item_embedding", rows: statistics.itemCount, columns: sizes.item, streams: streams)
        var blocks: [HiddenBlock] = []
        var inputs = sizes.user + sizes.item
        for (index, width) in config.layers.enumerated() {
            let rate = index < config.layerDropout.count ? config.layerDropout[index] : 0
            blocks.append(HiddenBlock(
                index: index, inputs: inputs, outputs: width, batchnorm: config.batchnorm,
                dropoutRate: rate, streams: streams))
            inputs = width
        }
        self.blocks = blocks
        output = DenseLayer(name: "output", inputs: inputs, outputs: 1, hasBias: true, streams: streams)
        userDropout = DropoutMask(rate: config.dropout.user, width: sizes.user)
        itemDropout = DropoutMask(rate: config.dropout.item, width: sizes.item)
        widestLayer = ([sizes.user + sizes.item] + config.layers).reduce(1, max)
        layerInputs = Array(repeating: embedded.pointer, count: blocks.count + 1)
    }

    public var parameters: [Parameter] {
        [userEmbedding, itemEmbedding] + blocks.flatMap(\.parameters) + output.parameters
    }

    /// The batchnorm running means and variances (`layerN.running_mean`, `layerN.running_var`).
    public var buffers: [Parameter] { blocks.flatMap(\.buffers) }

    /// Widths of the hidden layers, input to output.
    public var layerWidths: [Int] { blocks.map(\.width) }
}
