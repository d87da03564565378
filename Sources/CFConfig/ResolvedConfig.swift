import CFCore

/// The resolved form of a config: YAML vocabulary, every default filled in, docs/config.md order.
///
/// Only keys that apply to the chosen data source and split, model, optimizer and
/// schedule kinds appear, so two configs that differ only in an inapplicable key
/// resolve identically. This is what `cflab config show` prints and what the store
/// keeps; reading it back with `ConfigLoader.parse` gives an equal `ExperimentConfig`.
public enum ResolvedConfig {
    /// The resolved config as an ordered JSON object.
    public static func json(_ config: ExperimentConfig) -> JSONValue {
        var full = everyKey(config)
        for rule in KeyRule.all where !rule.applies(config) {
            full = full.removing(path: rule.path)
        }
        return full
    }

    /// Every key, applicable or not: the order that resolved keys follow.
    static func everyKey(_ config: ExperimentConfig) -> JSONValue {
        .object([
            ("version", .int(Int64(config.version))),
            ("name", .string(config.name)),
            ("description", .string(config.description)),
            ("tags", .array(config.tags.map(JSONValue.string))),
            ("seed", seed(config.seed)),
            ("data", data(config.data)),
            ("split", split(config.split)),
            ("model", model(config.model)),
            ("optimizer", optimizer(config.optimizer)),
            ("schedule", schedule(config.schedule)),
            ("training", training(config.training)),
            ("evaluation", evaluation(config.evaluation)),
        ])
    }

    /// The resolved file: the run, plus the `sweep` block when there is one.
    public static func json(_ file: ExperimentFile) -> JSONValue {
        let run = json(file.config)
        guard let sweep = file.sweep else { return run }
        return run.setting("sweep", to: sweep.json)
    }

    /// The resolved file as block-style YAML.
    public static func yaml(_ file: ExperimentFile) -> String {
        YAMLPrinter.print(json(file))
    }

    /// The resolved config as block-style YAML.
    public static func yaml(_ config: ExperimentConfig) -> String {
        YAMLPrinter.print(json(config))
    }

    static func seed(_ value: UInt64) -> JSONValue { .int(Int64(clamping: value)) }

    static func pair(_ first: Double, _ second: Double) -> JSONValue { .array([.double(first), .double(second)]) }

    private static func column(_ reference: ColumnRef?) -> JSONValue {
        switch reference {
        case let .index(index)?: return .int(Int64(index))
        case let .name(name)?: return .string(name)
        case nil: return .null
        }
    }

    private static func data(_ data: DataConfig) -> JSONValue {
        let csv = data.csv, synthetic = data.synthetic
        return .object([
            ("source", .string(data.source.rawValue)),
            ("name", data.name.map(JSONValue.string) ?? .null),
            ("path", data.path.map(JSONValue.string) ?? .null),
            ("csv", .object([
                ("path", csv.path.map(JSONValue.string) ?? .null),
                ("columns", .object([
                    ("user", column(csv.user)), ("item", column(csv.item)),
                    ("rating", column(csv.rating)), ("timestamp", column(csv.timestamp)),
                ])),
                ("delimiter", .string(csv.delimiter)),
                ("header", .bool(csv.header)),
            ])),
            ("synthetic", .object([
                ("users", .int(Int64(synthetic.users))), ("items", .int(Int64(synthetic.items))),
                ("ratings", .int(Int64(synthetic.ratings))), ("rank", .int(Int64(synthetic.rank))),
                ("noise", .double(synthetic.noise)), ("seed", seed(synthetic.seed)),
            ])),
            ("duplicates", .string(data.duplicates.rawValue)),
        ] + ratingRange(data.ratingRange))
    }

    /// `rating_range` appears only when set, so files that never name it resolve (and key) as before.
    private static func ratingRange(_ range: ClosedRange<Double>?) -> [(String, JSONValue)] {
        range.map { [("rating_range", pair($0.lowerBound, $0.upperBound))] } ?? []
    }

    private static func split(_ split: SplitConfig) -> JSONValue {
        .object([
            ("kind", .string(split.kind.rawValue)),
            ("valid", .double(split.valid)),
            ("test", .double(split.test)),
            ("folds", .int(Int64(split.folds))),
            ("fold", split.kind == .predefined ? .string(split.predefinedFold) : .int(Int64(split.fold))),
            ("last_n", split.lastN.map { .int(Int64($0)) } ?? .null),
            ("seed", split.seed.map(seed) ?? .null),
            ("refit", .bool(split.refit)),
        ])
    }
}
