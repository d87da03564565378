import CFConfig
import CFData

/// Planted-factor data from `SyntheticData`: the options builder every test uses, and the
/// small dataset, split and config the training tests learn from.
public enum Planted {
    /// Synthetic options; what is not given keeps `SyntheticOptions`' default.
    public static func options(
        users: Int, items: Int, ratings: Int, rank: Int? = nil, noise: Double? = nil, seed: UInt64
    ) -> SyntheticOptions {
        var options = SyntheticOptions()
        options.users = users
        options.items = items
        options.ratings = ratings
        if let rank { options.rank = rank }
        if let noise { options.noise = noise }
        options.seed = seed
        return options
    }

    /// 6,000 ratings of 150 users and 100 items from rank-4 factors: small enough to train
    /// every model kind for several epochs in a debug build.
    public static let dataset: Dataset = SyntheticData.generate(
        options(users: 150, items: 100, ratings: 6000, rank: 4, noise: 0.2, seed: 3))

    /// The dataset's random 80/20 split (split seed 5).
    public static let split: DataSplit = {
        do {
            return try Splitter.split(dataset, config: SplitConfig(), seed: 5)
        } catch {
            fatalError("planted split: \(error)")
        }
    }()

    /// A config for the planted data: Adam, constant lr, batch 64.
    public static func config(_ kind: ModelConfig.Kind, epochs: Int = 8, learningRate: Double = 0.01) -> ExperimentConfig {
        var config = ExperimentConfig()
        config.seed = 1
        config.model.kind = kind
        config.model.embeddingDim = .fixed(8)
        config.model.initializer = .normal(std: 0.1)
        config.optimizer.kind = .adam
        config.optimizer.learningRate = learningRate
        config.training.epochs = epochs
        config.training.batchSize = 64
        return config
    }
}
