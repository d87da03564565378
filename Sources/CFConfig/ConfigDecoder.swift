import CFCore

/// Turns a located YAML tree into an `ExperimentConfig`, recording every issue on the way.
///
/// `Mode.singleRun` treats keys that do not apply to the chosen kinds as errors;
/// `Mode.sweepTrial` drops them and notes what was dropped.
struct ConfigDecoder {
    enum Mode { case singleRun, sweepTrial }

    var reader = NodeReader()
    /// The file whose keys count as "written by the user" (inherited keys never raise errors).
    let mainFile: String
    let mode: Mode
    /// What a sweep trial dropped, such as "model.layers (does not apply to model.kind dot)".
    var notes: [String] = []

    init(mainFile: String, mode: Mode) {
        self.mainFile = mainFile
        self.mode = mode
    }

    var issues: [ConfigIssue] { reader.issues }

    /// Decodes the whole file (without `base`, whose merge is already done).
    mutating func decode(_ root: MarkedNode, defaultName: String) -> ExperimentConfig {
        var config = ExperimentConfig()
        config.name = defaultName
        guard let file = reader.section(root, "") else { return config }
        if let node = file["version"], let version = reader.integer(node, "version", atLeast: 1) {
            if version == 1 { config.version = version } else {
                reader.fail(node, "version", "unsupported version \(version); this cflab reads version 1")
            }
        }
        config.name = reader.label(file["name"], "name") ?? config.name
        if file["name"] == nil, let problem = PrintableText.problem(in: defaultName, allowing: []) {
            reader.fail(root.location, "name", "the file's name is not printable text (\(problem)); state `name:`")
        }
        config.description = reader.prose(file["description"], "description") ?? config.description
        if let tags = reader.list(file["tags"], "tags", { $0.label($1, $2) }) {
            if tags.count <= ConfigLimits.maximumTags { config.tags = tags } else if let node = file["tags"] {
                reader.fail(node, "tags", "at most \(ConfigLimits.maximumTags) tags (cflab's limit), got \(tags.count)")
            }
        }
        config.seed = reader.seed(file["seed"], "seed") ?? config.seed
        if let data = reader.section(file["data"], "data") { decodeData(data, into: &config.data) }
        if let split = reader.section(file["split"], "split") { decodeSplit(split, into: &config.split) }
        if let model = reader.section(file["model"], "model") { decodeModel(model, into: &config.model) }
        if let optimizer = reader.section(file["optimizer"], "optimizer") {
            decodeOptimizer(optimizer, into: &config.optimizer)
        }
        if let schedule = reader.section(file["schedule"], "schedule") { decodeSchedule(schedule, into: &config.schedule) }
        if let training = reader.section(file["training"], "training") { decodeTraining(training, into: &config.training) }
        if let evaluation = reader.section(file["evaluation"], "evaluation") {
            decodeEvaluation(evaluation, into: &config.evaluation)
        }
        checkRules(&config, root: root)
        return config
    }

    private mutating func decodeData(_ section: NodeReader.Section, into data: inout DataConfig) {
        data.source = reader.choice(section["source"], "data.source") ?? data.source
        data.name = optionalText(section["name"], "data.name") ?? data.name
        data.path = optionalText(section["path"], "data.path") ?? data.path
        data.duplicates = reader.choice(section["duplicates"], "data.duplicates") ?? data.duplicates
        if let node = section["rating_range"] {
            if node.json == .null { data.ratingRange = nil } else if let range = ratingRange(node) { data.ratingRange = range }
        }
        if let csv = reader.section(section["csv"], "data.csv") {
            data.csv.path = optionalText(csv["path"], "data.csv.path") ?? data.csv.path
            if let delimiter = reader.text(csv["delimiter"], "data.csv.delimiter") {
                if delimiter.count == 1 { data.csv.delimiter = delimiter } else {
                    reader.fail(csv["delimiter"] ?? csv.node, "data.csv.delimiter", "must be one character such as \",\" or \"\\t\"")
                }
            }
            data.csv.header = reader.flag(csv["header"], "data.csv.header") ?? data.csv.header
            if let columns = reader.section(csv["columns"], "data.csv.columns") {
                data.csv.user = column(columns, "user") ?? data.csv.user
                data.csv.item = column(columns, "item") ?? data.csv.item
                data.csv.rating = column(columns, "rating") ?? data.csv.rating
                if case .scalar(.null, _)? = columns["timestamp"]?.content {
                    data.csv.timestamp = nil
                } else {
                    data.csv.timestamp = column(columns, "timestamp") ?? data.csv.timestamp
                }
            }
        }
        if let synthetic = reader.section(section["synthetic"], "data.synthetic") {
            let path: (String) -> String = synthetic.path(_:)
            let side = ConfigLimits.maximumSyntheticSide
            data.synthetic.users = reader.integer(synthetic["users"], path("users"), atLeast: 1, atMost: side) ?? data.synthetic.users
            data.synthetic.items = reader.integer(synthetic["items"], path("items"), atLeast: 1, atMost: side) ?? data.synthetic.items
            data.synthetic.ratings = reader.integer(
                synthetic["ratings"], path("ratings"), atLeast: 1, atMost: ConfigLimits.maximumSyntheticRatings) ?? data.synthetic.ratings
            data.synthetic.rank = reader.integer(
                synthetic["rank"], path("rank"), atLeast: 1, atMost: ConfigLimits.maximumSyntheticRank) ?? data.synthetic.rank
            data.synthetic.noise = reader.number(synthetic["noise"], path("noise"), .nonNegative) ?? data.synthetic.noise
            data.synthetic.seed = reader.seed(synthetic["seed"], path("seed")) ?? data.synthetic.seed
            // Ratings are distinct (user, item) pairs: never write fewer than asked in silence.
            let pairs = data.synthetic.users * data.synthetic.items
            if data.synthetic.ratings > pairs {
                reader.fail(
                    synthetic["ratings"] ?? synthetic.node, path("ratings"),
                    "\(data.synthetic.ratings) ratings\(synthetic["ratings"] == nil ? " (the default)" : "") is more than the "
                        + "\(data.synthetic.users) × \(data.synthetic.items) = \(pairs) distinct (user, item) pairs; "
                        + "lower ratings or raise users or items")
            }
        }
    }

    /// `data.rating_range: [lo, hi]`, the scale every rating must lie on.
    private mutating func ratingRange(_ node: MarkedNode) -> ClosedRange<Double>? {
        guard let bounds = reader.list(node, "data.rating_range", count: 2, { $0.number($1, $2) }) else { return nil }
        guard bounds[0] < bounds[1] else {
            reader.fail(node, "data.rating_range", "the low end must be below the high end, such as [0.5, 5.0]")
            return nil
        }
        return bounds[0]...bounds[1]
    }

    /// Text, or `.some(nil)` for an explicit null.
    /// A name or path of data (printable: it reaches the file system and the store).
    private mutating func optionalText(_ node: MarkedNode?, _ path: String) -> String?? {
        guard let node else { return nil }
        if node.json == .null { return .some(nil) }
        guard let text = reader.text(node, path) else { return nil }
        if let problem = PrintableText.problem(in: text, allowing: []) {
            reader.fail(node, path, "must be printable text; \(problem)")
            return nil
        }
        return .some(text)
    }

    private mutating func column(_ section: NodeReader.Section, _ key: String) -> ColumnRef? {
        guard let node = section[key] else { return nil }
        switch node.content {
        case .scalar(.int, _): return reader.integer(node, section.path(key), atLeast: 0).map(ColumnRef.index)
        case let .scalar(.string, text): return .name(text)
        default:
            reader.fail(node, section.path(key), "expected a column index such as 0 or a header name such as \"userId\", got \(node.shortDescription)")
            return nil
        }
    }

    private mutating func decodeSplit(_ section: NodeReader.Section, into split: inout SplitConfig) {
        split.kind = reader.choice(section["kind"], "split.kind") ?? split.kind
        split.valid = reader.number(section["valid"], "split.valid", .openFraction) ?? split.valid
        split.test = reader.number(section["test"], "split.test", .fraction) ?? split.test
        split.folds = reader.integer(section["folds"], "split.folds", atLeast: 2, atMost: ConfigLimits.maximumFolds) ?? split.folds
        if let node = section["fold"] {
            if split.kind == .predefined {
                let names = ["u1", "u2", "u3", "u4", "u5", "ua", "ub"]
                if let name = reader.text(node, "split.fold") {
                    if names.contains(name) { split.predefinedFold = name } else {
                        reader.fail(node, "split.fold", "unknown predefined fold '\(name)'; expected one of \(names.joined(separator: ", "))")
                    }
                }
            } else if let fold = reader.integer(node, "split.fold", atLeast: 0) {
                if fold < split.folds { split.fold = fold } else {
                    reader.fail(node, "split.fold", "must be below split.folds (\(split.folds)), got \(fold)")
                }
            }
        }
        if let node = section["last_n"], node.json != .null {
            split.lastN = reader.integer(node, "split.last_n", atLeast: 1) ?? split.lastN
        }
        if let node = section["seed"], node.json != .null { split.seed = reader.seed(node, "split.seed") }
        split.refit = reader.flag(section["refit"], "split.refit") ?? split.refit
        if split.valid + split.test >= 1, let node = section["test"] ?? section["valid"] {
            reader.fail(node, section["test"] != nil ? "split.test" : "split.valid",
                        "split.valid + split.test must be below 1 so that some ratings remain for training")
        }
    }
}
