import CFCore

extension ConfigDecoder {
    /// Cross-field checks, then the "does not apply" rule, then normalisation.
    mutating func checkRules(_ config: inout ExperimentConfig, root: MarkedNode) {
        let dataNode = root["data"] ?? root
        if config.data.source == .csv, config.data.csv.path == nil, let path = config.data.path {
            config.data.csv.path = path
            config.data.path = nil
        }
        switch config.data.source {
        case .movielens where config.data.name == nil && config.data.path == nil:
            reader.fail(dataNode, "data", "data.source movielens needs name (a folder under $CFLAB_DATA such as ml-100k) or path")
        case .csv where config.data.csv.path == nil:
            reader.fail(dataNode, "data", "data.source csv needs csv.path (or path), the ratings file to read")
        default: break
        }
        if [.dot, .dotBias].contains(config.model.kind), config.model.embeddingDim == .auto || isPerSide(config.model.embeddingDim) {
            let location = root["model"]?["embedding_dim"]?.location ?? root.location
            reader.fail(location, "model.embedding_dim",
                        "auto and per-side sizes need model.kind nn; give one size such as 50 for \(config.model.kind.rawValue)")
        }
        if config.split.refit, config.training.earlyStopping != nil {
            let location = root["split"]?["refit"]?.location ?? root["training"]?["early_stopping"]?.location ?? root.location
            reader.fail(location, "split.refit",
                        "trains on the validation part too, so there is nothing to stop early on; remove training.early_stopping "
                            + "and set training.epochs to the epoch that validation chose")
        }
        if config.model.kind == .dotBias, config.model.implicit, config.training.blocks > 1 {
            let location = root["model"]?["implicit"]?.location ?? root["training"]?["blocks"]?.location ?? root.location
            reader.fail(location, "model.implicit",
                        "adds to each user the items it rated, which cross every block of training.blocks; "
                            + "set training.blocks to 1 (the default)")
        }
        applyKeyRules(&config)
        if config.model.kind == .nn, config.model.layerDropout.isEmpty {
            config.model.layerDropout = Array(repeating: 0, count: config.model.layers.count)
        }
    }

    private func isPerSide(_ size: EmbeddingDim) -> Bool {
        if case .perSide = size { return true }
        return false
    }

    /// Keys that do not apply: errors in a single run when written with a non-default value,
    /// notes in a sweep trial; either way they go back to their defaults.
    private mutating func applyKeyRules(_ config: inout ExperimentConfig) {
        var reported: Set<String> = []
        for rule in KeyRule.all where !rule.applies(config) {
            defer { rule.reset(&config) }
            guard !rule.isDefault(config), let location = reader.written[rule.path], !reported.contains(rule.path) else { continue }
            reported.insert(rule.path)
            let userWrote = location == .override || location.fileName == mainFile
            switch mode {
            case .singleRun where userWrote:
                reader.fail(location, rule.path, "does not apply to \(currentKind(rule.path, config)); it is used only with \(rule.requirement). Remove it")
            case .sweepTrial where userWrote:
                notes.append("dropped \(rule.path) (does not apply to \(currentKind(rule.path, config)))")
            default:
                break
            }
        }
    }

    private func currentKind(_ path: String, _ config: ExperimentConfig) -> String {
        switch path.split(separator: ".").first {
        case "data": return "data.source \(config.data.source.rawValue)"
        case "split": return "split.kind \(config.split.kind.rawValue)"
        case "optimizer": return "optimizer.kind \(config.optimizer.kind.rawValue)"
        case "schedule": return "schedule.kind \(config.schedule.kind.rawValue)"
        // training.blocks applies to row-table models with a lazy optimizer: with such a
        // model, the optimizer is what it does not apply to.
        case "training" where path == "training.blocks" && [.dot, .dotBias, .biases].contains(config.model.kind):
            return "optimizer.dense true"
        default: return "model.kind \(config.model.kind.rawValue)"
        }
    }
}
