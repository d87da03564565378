import CFConfig
import CFCore
import CFData
import CFModels
import Foundation

/// Prepares experiments, loading each distinct dataset and split once for all of them.
///
/// Trials of a sweep normally share one dataset and one split (the split seed is
/// pinned); a sweep over `data.*` or `split.*` gets one entry per distinct value.
/// Relative data paths resolve against the experiment file's folder.
public struct ExperimentPreparer {
    /// The folder relative data paths are read from (nil: the working directory).
    public let folder: String?
    private var datasets: [String: Dataset] = [:]
    private var splits: [String: DataSplit] = [:]

    /// Every split loaded so far with its dataset, for storing data metadata.
    public private(set) var loadedSplits: [(dataset: Dataset, split: DataSplit)] = []

    public init(folder: String?) {
        self.folder = folder.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A preparer for the trials of `file`.
    public init(file: ExperimentFile) {
        self.init(folder: (file.path as NSString).deletingLastPathComponent)
    }

    /// The experiment for `config`, loading its data and split unless already loaded.
    public mutating func prepare(
        _ config: ExperimentConfig, semantics: RunSemantics = .current, baseSeed: UInt64? = nil
    ) throws -> PreparedExperiment {
        // Synthetic data states its size: the estimate comes before the data is generated.
        if config.data.source == .synthetic {
            try ModelFactory.checkMemory(config, users: config.data.synthetic.users, items: config.data.synthetic.items)
        }
        let dataset = try self.dataset(for: config)
        return try prepare(config, dataset: dataset, semantics: semantics, baseSeed: baseSeed)
    }

    /// The experiment for `config` on an already loaded `dataset`; refused, before anything
    /// is allocated for training, when its memory estimate is too large.
    public mutating func prepare(
        _ config: ExperimentConfig, dataset: Dataset, semantics: RunSemantics = .current, baseSeed: UInt64? = nil
    ) throws -> PreparedExperiment {
        try ModelFactory.checkMemory(config, users: dataset.userCount, items: dataset.itemCount)
        let splitKey = "\(semantics.version)|" + dataset.fingerprint + "|" + Splitter.definition(config.split, seed: config.splitSeed, dataset: dataset).canonical
        let split: DataSplit
        if let cached = splits[splitKey] {
            split = cached
        } else {
            split = try Splitter.split(dataset, config: config.split, seed: config.splitSeed, semantics: semantics)
            splits[splitKey] = split
            loadedSplits.append((dataset, split))
        }
        return PreparedExperiment(config: config, dataset: dataset, split: split, semantics: semantics, baseSeed: baseSeed)
    }

    /// The dataset `config.data` names, loaded once.
    public mutating func dataset(for config: ExperimentConfig) throws -> Dataset {
        let dataKey = ResolvedConfig.json(config)["data"]?.canonical ?? ""
        if let cached = datasets[dataKey] { return cached }
        let dataset = try DatasetLoader.load(config.data, relativeTo: folder)
        datasets[dataKey] = dataset
        return dataset
    }
}
