import CFConfig
import CFData
import Foundation

/// Loads each distinct dataset and split of a sweep once, for every trial to share.
///
/// Trials normally share one dataset and one split (the split seed is pinned). A sweep
/// over `data.*` or `split.*` gets one entry per distinct value.
struct SharedInputs {
    let file: ExperimentFile
    private var datasets: [String: Dataset] = [:]
    private var splits: [String: DataSplit] = [:]

    init(file: ExperimentFile) {
        self.file = file
    }

    /// Every split loaded so far with its dataset, for storing data metadata.
    private(set) var loadedSplits: [(dataset: Dataset, split: DataSplit)] = []

    /// The experiment for `config`, loading its data and split unless already loaded.
    mutating func prepare(_ config: ExperimentConfig) throws -> PreparedExperiment {
        let dataKey = ResolvedConfig.json(config)["data"]?.canonical ?? ""
        let dataset: Dataset
        if let cached = datasets[dataKey] {
            dataset = cached
        } else {
            let folder = (file.path as NSString).deletingLastPathComponent
            dataset = try DatasetLoader.load(config.data, relativeTo: folder.isEmpty ? nil : folder)
            datasets[dataKey] = dataset
        }
        let splitKey = dataset.fingerprint + "|" + Splitter.definition(config.split, seed: config.splitSeed, dataset: dataset).canonical
        let split: DataSplit
        if let cached = splits[splitKey] {
            split = cached
        } else {
            split = try Splitter.split(dataset, config: config.split, seed: config.splitSeed)
            splits[splitKey] = split
            loadedSplits.append((dataset, split))
        }
        let trialKey = TrialKey.compute(config: config, dataFingerprint: dataset.fingerprint)
        return PreparedExperiment(file: file, config: config, dataset: dataset, split: split, trialKey: trialKey)
    }
}
