import CFConfig
import CFCore
import CFData

extension Trainer {
    /// A trainer for a split of `dataset`: its id counts, and its rating range for clipping.
    public convenience init(
        config: ExperimentConfig, split: DataSplit, dataset: Dataset, streams: RandomStreams,
        semantics: RunSemantics = .current, makeModel: ModelMaker? = nil
    ) throws {
        try self.init(
            config: config, split: split, userCount: dataset.userCount, itemCount: dataset.itemCount,
            ratingRange: dataset.ratingMin...dataset.ratingMax, streams: streams, semantics: semantics, makeModel: makeModel
        )
    }

    /// A trainer whose streams come from `config.seed` under the current scheme: the
    /// same streams `CFExperiment.PreparedExperiment` gives a run of this config.
    public convenience init(config: ExperimentConfig, split: DataSplit, dataset: Dataset) throws {
        try self.init(config: config, split: split, dataset: dataset, streams: RandomStreams(seed: config.seed))
    }
}
