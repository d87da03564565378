import CFCore

extension ConfigDecoder {
    mutating func decodeModel(_ section: NodeReader.Section, into model: inout ModelConfig) {
        model.kind = reader.choice(section["kind"], "model.kind") ?? model.kind
        model.embeddingDim = embeddingDim(section["embedding_dim"]) ?? model.embeddingDim
        if let initializer = reader.section(section["init"], "model.init") {
            model.initializer = decodeInitializer(initializer) ?? model.initializer
        }
        model.globalMean = reader.flag(section["global_mean"], "model.global_mean") ?? model.globalMean
        model.yRange = yRange(section["y_range"]) ?? model.yRange
        model.dropout = dropout(section["dropout"]) ?? model.dropout
        let widest = ConfigLimits.maximumLayerWidth
        if let layers = reader.list(section["layers"], "model.layers", { $0.integer($1, $2, atLeast: 1, atMost: widest) }),
           let node = section["layers"] {
            if layers.isEmpty {
                reader.fail(node, "model.layers", "needs at least one hidden layer, such as [100, 50]")
            } else if layers.count > ConfigLimits.maximumLayers {
                reader.fail(node, "model.layers", "at most \(ConfigLimits.maximumLayers) hidden layers (cflab's limit), got \(layers.count)")
            } else {
                model.layers = layers
            }
        }
        let layerDropout = reader.list(section["layer_dropout"], "model.layer_dropout") { $0.number($1, $2, .fraction) }
        if let layerDropout, let node = section["layer_dropout"] {
            if layerDropout.count == model.layers.count { model.layerDropout = layerDropout } else {
                reader.fail(node, "model.layer_dropout",
                            "needs one rate per hidden layer (\(model.layers.count)), got \(layerDropout.count)")
            }
        }
        model.batchnorm = reader.flag(section["batchnorm"], "model.batchnorm") ?? model.batchnorm
        model.biasInit = reader.choice(section["bias_init"], "model.bias_init") ?? model.biasInit
        model.l2 = reader.number(section["l2"], "model.l2", .nonNegative) ?? model.l2
        model.l2Exponent = reader.number(section["l2_exponent"], "model.l2_exponent", .unit) ?? model.l2Exponent
        model.implicit = reader.flag(section["implicit"], "model.implicit") ?? model.implicit
    }

    private mutating func embeddingDim(_ node: MarkedNode?) -> EmbeddingDim? {
        guard let node else { return nil }
        let path = "model.embedding_dim"
        switch node.content {
        case .scalar(.string("auto"), _):
            return .auto
        case .mapping:
            guard let sides = reader.section(node, path) else { return nil }
            let user = reader.integer(sides["user"], path + ".user", atLeast: 1, atMost: ConfigLimits.maximumEmbeddingDim)
            let item = reader.integer(sides["item"], path + ".item", atLeast: 1, atMost: ConfigLimits.maximumEmbeddingDim)
            if sides["user"] == nil || sides["item"] == nil {
                reader.fail(node, path, "a per-side size needs both user and item, such as {user: 64, item: 128}")
            }
            guard let user, let item else { return nil }
            return .perSide(user: user, item: item)
        case .scalar(.int, _), .scalar(.double, _):
            return reader.integer(node, path, atLeast: 1, atMost: ConfigLimits.maximumEmbeddingDim).map(EmbeddingDim.fixed)
        default:
            reader.fail(node, path, "expected a size such as 50, auto, or {user: 64, item: 128}, got \(node.shortDescription)")
            return nil
        }
    }

    private mutating func decodeInitializer(_ section: NodeReader.Section) -> Initializer? {
        guard let kindNode = section["kind"] else {
            reader.fail(section.node, "model.init", "needs a kind: uniform, normal or truncated_normal")
            return nil
        }
        let allowed: [String: [String]] = [
            "uniform": ["kind", "low", "high"], "normal": ["kind", "std"], "truncated_normal": ["kind", "std"],
        ]
        guard let kind = kindNode.json.stringValue, let keys = allowed[kind] else {
            reader.fail(kindNode, "model.init.kind",
                        "unknown value \(kindNode.shortDescription); expected one of uniform, normal, truncated_normal")
            return nil
        }
        for (key, node) in section.fields where !keys.contains(key) {
            let location = section.node.entry(key)?.keyLocation ?? node.location
            reader.fail(location, "model.init.\(key)", "does not apply to init kind \(kind) (it takes \(keys.dropFirst().joined(separator: ", ")))")
        }
        if kind == "uniform" {
            let low = reader.number(section["low"], "model.init.low")
            let high = reader.number(section["high"], "model.init.high")
            if section["low"] == nil || section["high"] == nil {
                reader.fail(section.node, "model.init", "uniform needs low and high, such as {kind: uniform, low: -0.05, high: 0.05}")
            }
            guard let low, let high else { return nil }
            guard low < high else {
                reader.fail(section["high"] ?? section.node, "model.init.high", "must be greater than low (\(low))")
                return nil
            }
            return .uniform(low: low, high: high)
        }
        let std = section["std"] == nil ? 0.01 : reader.number(section["std"], "model.init.std", .positive)
        guard let std else { return nil }
        return kind == "normal" ? .normal(std: std) : .truncatedNormal(std: std)
    }

    private mutating func yRange(_ node: MarkedNode?) -> YRange? {
        guard let node else { return nil }
        switch node.content {
        case .scalar(.null, _): return YRange.none
        case .scalar(.string("data"), _): return .data
        case .sequence:
            guard let bounds = reader.list(node, "model.y_range", count: 2, { $0.number($1, $2) }) else { return nil }
            guard bounds[0] < bounds[1] else {
                reader.fail(node, "model.y_range", "the low end must be below the high end, such as [0.0, 5.5]")
                return nil
            }
            return .fixed(low: bounds[0], high: bounds[1])
        default:
            reader.fail(node, "model.y_range", "expected [low, high], data or null, got \(node.shortDescription)")
            return nil
        }
    }

    private mutating func dropout(_ node: MarkedNode?) -> Dropout? {
        guard let node else { return nil }
        if node.entries != nil {
            guard let sides = reader.section(node, "model.dropout") else { return nil }
            let user = sides["user"] == nil ? 0 : reader.number(sides["user"], "model.dropout.user", .fraction)
            let item = sides["item"] == nil ? 0 : reader.number(sides["item"], "model.dropout.item", .fraction)
            guard let user, let item else { return nil }
            return Dropout(user: user, item: item)
        }
        return reader.number(node, "model.dropout", .fraction).map { Dropout(user: $0, item: $0) }
    }
}
