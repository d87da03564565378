import CFCore

/// The identity of a trial: what the store deduplicates on, together with the sweep name.
///
/// SHA-256 (lowercase hex) of the canonical JSON of the resolved config, where the data
/// is described by its source, its fingerprint and the settings that change what is
/// read (csv columns, synthetic generator, duplicates policy) rather than by its name
/// or path. `name`, `description`, `tags`, `training.threads`, `training.keep` and
/// `data.rating_range` (a check on the data) are left out because they never change
/// results; `version` is kept, and so is the run semantics version (`RunSemantics`), so
/// that a change of results gets new keys.
public enum TrialKey {
    /// The hex trial key of `config` run on data with the given fingerprint.
    public static func compute(
        config: ExperimentConfig, dataFingerprint: String, semantics: RunSemantics = .current
    ) -> String {
        keyedJSON(config: config, dataFingerprint: dataFingerprint, semantics: semantics).canonicalDigest
    }

    /// The JSON that is hashed, for inspection and for storing next to the key.
    /// From semantics 2 on it holds `"semantics": N`; semantics 1 keys have no such
    /// field, so keys stored by the first release are computed unchanged.
    public static func keyedJSON(
        config: ExperimentConfig, dataFingerprint: String, semantics: RunSemantics = .current
    ) -> JSONValue {
        var json = ResolvedConfig.json(config)
        for path in TrialIdentity.resultNeutralPaths { json = json.removing(path: path) }
        // One block is how every run before `training.blocks` trained: their keys stay.
        if config.training.blocks == 1 { json = json.removing(path: "training.blocks") }
        // Likewise one shard (no split) for runs from before `training.shards`.
        if config.training.shards == 1 { json = json.removing(path: "training.shards") }
        if let data = json["data"] {
            json = json.setting("data", to: data.setting("fingerprint", to: .string(dataFingerprint)))
        }
        if semantics > .original {
            json = json.setting("semantics", to: .int(Int64(semantics.version)))
        }
        return json
    }
}
