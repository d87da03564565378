import CFConfig
import CFCore
import CFStore

extension StoreWriter {
    /// Registers the experiment's sweep (its swept keys and spec; a single run is a sweep
    /// of one under its name) and stores the data metadata of every split `preparer` has
    /// loaded, which analyses read later without the raw files.
    public func register(_ file: ExperimentFile, preparer: ExperimentPreparer) throws {
        var keys = file.sweep?.parameters.map(\.path) ?? []
        if (file.sweep?.seeds.count ?? 1) > 1 { keys.append("seed") }
        let sweptKeys = keys, name = file.config.name
        let spec = file.sweep?.json ?? .object([])
        let metadata = preparer.loadedSplits.map { dataset, split in
            DataMetadata(
                dataset: dataset, training: split.train, splitFingerprint: split.fingerprint,
                heldOut: dataset.hasReleasedRatings ? split.heldOut : nil)
        }
        try perform { store in
            try store.registerSweep(name: name, sweptKeys: sweptKeys, spec: spec)
            for split in metadata { try store.saveDataMetadata(split) }
        }
    }

    /// Stores the data metadata of every split `preparer` has loaded (the store keeps
    /// one row per split): for trials a `tpe` sweep adds after registering.
    public func saveSplits(of preparer: ExperimentPreparer) throws {
        let metadata = preparer.loadedSplits.map {
            DataMetadata(dataset: $0.dataset, training: $0.split.train, splitFingerprint: $0.split.fingerprint)
        }
        try perform { store in
            for split in metadata { try store.saveDataMetadata(split) }
        }
    }
}
