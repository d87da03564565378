import CFConfig
import CFCore

extension Splitter {
    /// The split definition that is hashed: the dataset, the kind with the fields it uses, and the seed.
    public static func definition(_ config: SplitConfig, seed: UInt64, dataset: Dataset) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("dataset", .string(dataset.fingerprint)),
            ("kind", .string(config.kind.rawValue)),
            ("valid", .double(config.valid)),
            ("test", .double(config.test)),
            ("seed", .string(String(seed))),
        ]
        switch config.kind {
        case .kfold:
            pairs += [("folds", .int(Int64(config.folds))), ("fold", .int(Int64(config.fold)))]
        case .temporal:
            pairs.append(("last_n", config.lastN.map { .int(Int64($0)) } ?? .null))
        case .predefined:
            pairs.append(("fold", .string(config.predefinedFold)))
        case .random, .perUser:
            break
        }
        // Added after the first splits were stored: present only when set, so their fingerprints stay.
        if config.refit { pairs.append(("refit", .bool(true))) }
        return .object(pairs)
    }

    /// SHA-256 over the canonical definition and, per part, its size and (user, item) pairs.
    static func fingerprint(definition: JSONValue, train: RatingSet, valid: RatingSet, test: RatingSet?) -> String {
        var hasher = Hasher256()
        hasher.update(definition.canonical)
        for (name, part) in [("train", train), ("valid", valid), ("test", test ?? RatingSet())] {
            hasher.update(name)
            hasher.update(UInt64(part.count))
            part.users.withUnsafeBytes { hasher.update(bytes: $0) }
            part.items.withUnsafeBytes { hasher.update(bytes: $0) }
        }
        return hasher.finalizeHex()
    }
}
