/// What makes two runs the same experiment: the config keys that never change results,
/// and the keys that only replicate one (the seed, a fold).
///
/// `TrialKey` hashes the resolved config without `resultNeutralPaths`; a comparison puts
/// runs in one row only when they also agree once `replicatePaths` are left out.
public enum TrialIdentity {
    /// Config keys that never change what a run computes: names and notes, thread count
    /// (results are thread-invariant), what is kept, and where the data was read from
    /// (its fingerprint stands for it), and the range check on ratings.
    public static let resultNeutralPaths = [
        "name", "description", "tags", "training.threads", "training.keep",
        "data.name", "data.path", "data.csv.path", "data.rating_range",
    ]

    /// Config keys whose values replicate one configuration: the seed, and the fold of a
    /// cross-validation (`split.fold`, for kfold and predefined folds alike).
    public static let replicatePaths = ["seed", "split.fold"]

    /// The keys that choose a kind, and so which other keys apply (`layers` only to `nn`):
    /// a key whose value follows from one of them says nothing more about a run.
    public static let kindPaths = ["model.kind", "optimizer.kind", "schedule.kind", "split.kind", "data.source"]

    /// The canonical text of a resolved config with `paths` removed, plus the data's
    /// fingerprint and the run semantics: equal for runs that compute the same thing.
    public static func text(config: JSONValue, removing paths: [String], dataFingerprint: String, semantics: Int) -> String {
        var json = config
        for path in paths { json = json.removing(path: path) }
        return json.setting("identity", to: .object([
            ("data_fingerprint", .string(dataFingerprint)), ("semantics", .int(Int64(semantics))),
        ])).canonical
    }
}
