import CFConfig
import CFCore
import CFData
import CFModels
import CFTraining
import Foundation

/// An experiment ready to train: its config, data, split, trial key and random streams.
struct PreparedExperiment: Sendable {
    let file: ExperimentFile
    let config: ExperimentConfig
    let dataset: Dataset
    let split: DataSplit
    let trialKey: String

    /// Loads the data and makes the split the config describes.
    static func prepare(_ file: ExperimentFile, config: ExperimentConfig? = nil, dataset: Dataset? = nil) throws -> PreparedExperiment {
        let config = config ?? file.config
        let folder = (file.path as NSString).deletingLastPathComponent
        let dataset = try dataset ?? DatasetLoader.load(config.data, relativeTo: folder.isEmpty ? nil : folder)
        let split = try Splitter.split(dataset, config: config.split, seed: config.splitSeed)
        let trialKey = TrialKey.compute(config: config, dataFingerprint: dataset.fingerprint)
        return PreparedExperiment(file: file, config: config, dataset: dataset, split: split, trialKey: trialKey)
    }

    /// The run's streams (init, shuffle, dropout) derive from its seed and its trial key,
    /// never from the order trials are scheduled in.
    var streams: RandomStreams {
        RandomStreams(seed: RandomStreams.derive(config.seed, trialKey))
    }

    /// A trainer for this experiment.
    func trainer() throws -> Trainer {
        try Trainer(
            config: config, split: split, userCount: dataset.userCount, itemCount: dataset.itemCount,
            ratingRange: dataset.ratingMin...dataset.ratingMax, streams: streams,
            makeModel: { config, statistics, random in
                let scoring = config.evaluation.coldStart == .model ? statistics.treatingEveryoneAsSeen() : statistics
                return try ModelFactory.make(config: config.model, statistics: scoring, random: &random)
            }
        )
    }
}
