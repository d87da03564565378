import CFCore

extension ResolvedConfig {
    static func model(_ model: ModelConfig) -> JSONValue {
        let size: JSONValue
        switch model.embeddingDim {
        case let .fixed(count): size = .int(Int64(count))
        case .auto: size = .string("auto")
        case let .perSide(user, item): size = .object([("user", .int(Int64(user))), ("item", .int(Int64(item)))])
        }
        let initializer: JSONValue
        switch model.initializer {
        case let .uniform(low, high):
            initializer = .object([("kind", .string("uniform")), ("low", .double(low)), ("high", .double(high))])
        case let .normal(std):
            initializer = .object([("kind", .string("normal")), ("std", .double(std))])
        case let .truncatedNormal(std):
            initializer = .object([("kind", .string("truncated_normal")), ("std", .double(std))])
        }
        let range: JSONValue
        switch model.yRange {
        case .none: range = .null
        case .data: range = .string("data")
        case let .fixed(low, high): range = pair(low, high)
        }
        let dropout: JSONValue = model.dropout.user == model.dropout.item
            ? .double(model.dropout.user)
            : .object([("user", .double(model.dropout.user)), ("item", .double(model.dropout.item))])
        return .object([
            ("kind", .string(model.kind.rawValue)),
            ("embedding_dim", size),
            ("init", initializer),
            ("global_mean", .bool(model.globalMean)),
            ("y_range", range),
            ("dropout", dropout),
            ("layers", .array(model.layers.map { .int(Int64($0)) })),
            ("layer_dropout", .array(model.layerDropout.map(JSONValue.double))),
            ("batchnorm", .bool(model.batchnorm)),
            ("bias_init", .string(model.biasInit.rawValue)),
            ("l2", .double(model.l2)),
            ("l2_exponent", .double(model.l2Exponent)),
            ("implicit", .bool(model.implicit)),
        ])
    }

    static func optimizer(_ optimizer: OptimizerConfig) -> JSONValue {
        .object([
            ("kind", .string(optimizer.kind.rawValue)),
            ("lr", .double(optimizer.learningRate)),
            ("betas", pair(optimizer.beta1, optimizer.beta2)),
            ("eps", .double(optimizer.epsilon)),
            ("momentum", .double(optimizer.momentum)),
            ("weight_decay", .double(optimizer.weightDecay)),
            ("weight_decay_mode", .string(optimizer.weightDecayMode.rawValue)),
            ("dense", .bool(optimizer.dense)),
        ])
    }

    static func schedule(_ schedule: ScheduleConfig) -> JSONValue {
        .object([
            ("kind", .string(schedule.kind.rawValue)),
            ("pct_start", .double(schedule.pctStart)),
            ("div", .double(schedule.div)),
            ("final_div", .double(schedule.finalDiv)),
            ("moms", .array(schedule.moms.map(JSONValue.double))),
            ("warmup", .double(schedule.warmup)),
            ("min_lr", .double(schedule.minLR)),
            ("step_size", .int(Int64(schedule.stepSize))),
            ("gamma", .double(schedule.gamma)),
        ])
    }

    static func training(_ training: TrainingConfig) -> JSONValue {
        let stopping: JSONValue = training.earlyStopping.map {
            .object([
                ("patience", .int(Int64($0.patience))),
                ("min_delta", .double($0.minDelta)),
                ("restore_best", .bool($0.restoreBest)),
            ])
        } ?? .null
        return .object([
            ("epochs", .int(Int64(training.epochs))),
            ("batch_size", .int(Int64(training.batchSize))),
            ("early_stopping", stopping),
            ("keep", .string(training.keep.rawValue)),
            ("threads", .int(Int64(training.threads))),
            ("blocks", .int(Int64(training.blocks))),
            ("shards", .int(Int64(training.shards))),
        ])
    }

    static func evaluation(_ evaluation: EvaluationConfig) -> JSONValue {
        .object([
            ("clip", .bool(evaluation.clip)),
            ("cold_start", .string(evaluation.coldStart.rawValue)),
            ("ranking", .object([
                ("every", .string(evaluation.ranking.every.rawValue)),
                ("k", .array(evaluation.ranking.k.map { .int(Int64($0)) })),
                ("threshold", .double(evaluation.ranking.threshold)),
            ])),
        ])
    }
}
