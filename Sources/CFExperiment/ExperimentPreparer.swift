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
///
/// `prepareAll` knows every trial at once, so it releases a dataset's rating columns
/// (`Dataset.releaseRatings()`) as its last split is made: a run then holds its split and
/// never the whole dataset besides. `prepare` keeps them, and loads a dataset again when
/// a split is asked of one whose ratings were released.
public struct ExperimentPreparer {
    /// The folder relative data paths are read from (nil: the working directory).
    public let folder: String?
    private var datasets: [String: Dataset] = [:]
    private var splits: [String: DataSplit] = [:]

    /// Every split loaded so far with its dataset, for storing data metadata. A dataset
    /// may have released its ratings; its split's parts then cover it (`DataMetadata`).
    public private(set) var loadedSplits: [(dataset: Dataset, split: DataSplit)] = []

    public init(folder: String?) {
        self.folder = folder.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A preparer for the trials of `file`.
    public init(file: ExperimentFile) {
        self.init(folder: (file.path as NSString).deletingLastPathComponent)
    }

    /// The experiments of `configs`, in order, each dataset's ratings released once no
    /// later config splits it.
    ///
    /// Every config is checked first, in order, as `prepare` checks it (memory estimate,
    /// data, split definition); then the splits are made. A dataset keeps its ratings
    /// when one of its splits is `predefined`: the parts of a predefined fold need not
    /// cover the data, and the store's rated pairs read the rest.
    public mutating func prepareAll(_ configs: [ExperimentConfig], semantics: RunSemantics = .current) throws -> [PreparedExperiment] {
        var keys: [(data: String, split: String)] = []
        var toSplit: [Int] = []
        var seen = Set(splits.keys)
        for config in configs {
            if config.data.source == .synthetic {
                try ModelFactory.checkMemory(config, users: config.data.synthetic.users, items: config.data.synthetic.items)
            }
            let dataset = try dataset(for: config)
            try ModelFactory.checkMemory(config, users: dataset.userCount, items: dataset.itemCount)
            try Splitter.validate(config.split, dataset: dataset, semantics: semantics)
            let key = (data: Self.dataKey(config), split: splitKey(config, dataset: dataset, semantics: semantics))
            if seen.insert(key.split).inserted { toSplit.append(keys.count) }
            keys.append(key)
        }
        let lastSplit = Dictionary(toSplit.map { (keys[$0].data, $0) }, uniquingKeysWith: max)
        let keepsRatings = Set(toSplit.filter { configs[$0].split.kind == .predefined }.map { keys[$0].data })
        var made: [(data: String, split: String)] = []
        for index in toSplit {
            let (dataKey, key) = keys[index]
            let config = configs[index]
            // Out of the cache while it splits, so that releasing frees its columns.
            guard var dataset = datasets.removeValue(forKey: dataKey) else { preconditionFailure("each dataset is loaded above") }
            if lastSplit[dataKey] == index, !keepsRatings.contains(dataKey) {
                splits[key] = Self.forTraining(
                    try Splitter.split(releasing: &dataset, config: config.split, seed: config.splitSeed, semantics: semantics))
            } else {
                splits[key] = Self.forTraining(try Splitter.split(dataset, config: config.split, seed: config.splitSeed, semantics: semantics))
            }
            datasets[dataKey] = dataset
            made.append((dataKey, key))
        }
        for (dataKey, key) in made {
            guard let dataset = datasets[dataKey], let split = splits[key] else { preconditionFailure("each split is made above") }
            loadedSplits.append((dataset, split))
        }
        return configs.indices.map { index in
            guard let dataset = datasets[keys[index].data], let split = splits[keys[index].split] else {
                preconditionFailure("each dataset and split is prepared above")
            }
            return PreparedExperiment(config: configs[index], dataset: dataset, split: split, semantics: semantics)
        }
    }

    /// The experiment for `config`, loading its data and split unless already loaded.
    public mutating func prepare(
        _ config: ExperimentConfig, semantics: RunSemantics = .current, baseSeed: UInt64? = nil
    ) throws -> PreparedExperiment {
        // Synthetic data states its size: the estimate comes before the data is generated.
        if config.data.source == .synthetic {
            try ModelFactory.checkMemory(config, users: config.data.synthetic.users, items: config.data.synthetic.items)
        }
        // A dataset whose ratings were released still serves every split already made of
        // it (a later tpe batch, say): only a new split needs the data read again.
        if let cached = datasets[Self.dataKey(config)], cached.hasReleasedRatings,
           splits[splitKey(config, dataset: cached, semantics: semantics)] != nil {
            return try prepare(config, dataset: cached, semantics: semantics, baseSeed: baseSeed)
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
        let key = splitKey(config, dataset: dataset, semantics: semantics)
        let split: DataSplit
        if let cached = splits[key] {
            split = cached
        } else {
            split = Self.forTraining(try Splitter.split(dataset, config: config.split, seed: config.splitSeed, semantics: semantics))
            splits[key] = split
            loadedSplits.append((dataset, split))
        }
        return PreparedExperiment(config: config, dataset: dataset, split: split, semantics: semantics, baseSeed: baseSeed)
    }

    /// The dataset `config.data` names, loaded once (and again when its ratings were released).
    public mutating func dataset(for config: ExperimentConfig) throws -> Dataset {
        let dataKey = Self.dataKey(config)
        if let cached = datasets[dataKey], !cached.hasReleasedRatings { return cached }
        let dataset = try DatasetLoader.load(config.data, relativeTo: folder)
        datasets[dataKey] = dataset
        return dataset
    }

    /// A split as the runs keep it: without timestamps, which nothing reads once the
    /// parts are made (160 MB at the MovieLens 20M shape).
    private static func forTraining(_ split: DataSplit) -> DataSplit {
        var split = split
        split.releaseTimestamps()
        return split
    }

    private static func dataKey(_ config: ExperimentConfig) -> String {
        ResolvedConfig.json(config)["data"]?.canonical ?? ""
    }

    private func splitKey(_ config: ExperimentConfig, dataset: Dataset, semantics: RunSemantics) -> String {
        "\(semantics.version)|" + dataset.fingerprint + "|" + Splitter.definition(config.split, seed: config.splitSeed, dataset: dataset).canonical
    }
}
