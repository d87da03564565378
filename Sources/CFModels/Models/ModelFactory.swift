import CFConfig
import CFCore

/// Builds the model a config names, drawing its initial parameters from `streams`.
public enum ModelFactory {
    /// The model an experiment trains and analyses: `make(config:)` on its `model`
    /// section, scoring with the statistics its `evaluation.cold_start` rule gives
    /// (`TrainingStatistics.scoring(coldStart:)`). Training and analysis both build
    /// models here, so the cold-start rule lives in one place.
    public static func make(
        experiment config: ExperimentConfig, statistics: TrainingStatistics, streams: ParameterStreams
    ) throws -> any RatingModel {
        try make(config: config.model, statistics: statistics.scoring(coldStart: config.evaluation.coldStart), streams: streams)
    }

    /// A new, initialised model for `config`, sized by `statistics` (user and item counts),
    /// with `y_range: data` resolved to [statistics.ratingMin, statistics.ratingMax].
    /// Each tensor draws from `streams` by name and shape, in the model's documented order.
    public static func make(
        config: ModelConfig, statistics: TrainingStatistics, streams: ParameterStreams
    ) throws -> any RatingModel {
        switch config.kind {
        case .globalMean:
            return GlobalMeanModel(statistics: statistics)
        case .biases:
            try requireTables(statistics)
            return BiasesModel(statistics: statistics)
        case .dot:
            try requireTables(statistics)
            return DotModel(
                dimensions: try sharedDimensions(config.embeddingDim), initializer: config.initializer,
                statistics: statistics, streams: streams)
        case .dotBias:
            try requireTables(statistics)
            try validate(config.dropout)
            return DotBiasModel(
                dimensions: try sharedDimensions(config.embeddingDim), initializer: config.initializer,
                range: try SigmoidRange(config.yRange, statistics: statistics),
                addsGlobalMean: config.globalMean, dropout: config.dropout,
                statistics: statistics, streams: streams)
        case .nn:
            try requireTables(statistics)
            try validate(config.dropout)
            return try NeuralModel(config: config, statistics: statistics, streams: streams)
        }
    }

    /// The one embedding width of a dot-product model (both sides must agree).
    static func sharedDimensions(_ embeddingDim: EmbeddingDim) throws -> Int {
        switch embeddingDim {
        case let .fixed(dimensions) where dimensions > 0:
            return dimensions
        case let .perSide(user, item) where user == item && user > 0:
            return user
        case .auto:
            throw ModelError.invalidEmbeddingDimensions("`auto` sizes each side separately, which only `nn` supports; give a number")
        default:
            throw ModelError.invalidEmbeddingDimensions("a dot product needs one positive width for both sides")
        }
    }

    static func validate(_ dropout: Dropout) throws {
        for (name, rate) in [("dropout.user", dropout.user), ("dropout.item", dropout.item)]
        where !(rate >= 0 && rate < 1) {
            throw ModelError.invalidDropout(name: name, rate: rate)
        }
    }

    static func requireTables(_ statistics: TrainingStatistics) throws {
        if statistics.userCount == 0 { throw ModelError.emptyTable(side: "user") }
        if statistics.itemCount == 0 { throw ModelError.emptyTable(side: "item") }
    }
}
