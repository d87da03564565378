import CFCore

extension ConfigDecoder {
    mutating func decodeOptimizer(_ section: NodeReader.Section, into optimizer: inout OptimizerConfig) {
        optimizer.kind = reader.choice(section["kind"], "optimizer.kind") ?? optimizer.kind
        optimizer.learningRate = reader.number(section["lr"], "optimizer.lr", .positive) ?? optimizer.learningRate
        if let betas = reader.list(section["betas"], "optimizer.betas", count: 2, { $0.number($1, $2, .fraction) }) {
            optimizer.beta1 = betas[0]
            optimizer.beta2 = betas[1]
        }
        optimizer.epsilon = reader.number(section["eps"], "optimizer.eps", .positive) ?? optimizer.epsilon
        optimizer.momentum = reader.number(section["momentum"], "optimizer.momentum", .fraction) ?? optimizer.momentum
        optimizer.weightDecay = reader.number(section["weight_decay"], "optimizer.weight_decay", .nonNegative)
            ?? optimizer.weightDecay
        let mode: OptimizerConfig.WeightDecayMode? = reader.choice(section["weight_decay_mode"], "optimizer.weight_decay_mode")
        if optimizer.kind == .adamw {
            if mode == .l2, let node = section["weight_decay_mode"] {
                reader.fail(node, "optimizer.weight_decay_mode",
                            "adamw is Adam with decoupled weight decay; use kind: adam for L2, or remove weight_decay_mode")
            }
            optimizer.weightDecayMode = .decoupled
        } else {
            optimizer.weightDecayMode = mode ?? optimizer.weightDecayMode
        }
        optimizer.dense = reader.flag(section["dense"], "optimizer.dense") ?? optimizer.dense
    }

    mutating func decodeSchedule(_ section: NodeReader.Section, into schedule: inout ScheduleConfig) {
        schedule.kind = reader.choice(section["kind"], "schedule.kind") ?? schedule.kind
        schedule.pctStart = reader.number(section["pct_start"], "schedule.pct_start", .openFraction) ?? schedule.pctStart
        schedule.div = reader.number(section["div"], "schedule.div", .positive) ?? schedule.div
        schedule.finalDiv = reader.number(section["final_div"], "schedule.final_div", .positive) ?? schedule.finalDiv
        schedule.moms = reader.list(section["moms"], "schedule.moms", count: 3) { $0.number($1, $2, .fraction) }
            ?? schedule.moms
        schedule.warmup = reader.number(section["warmup"], "schedule.warmup", .fraction) ?? schedule.warmup
        schedule.minLR = reader.number(section["min_lr"], "schedule.min_lr", .unit) ?? schedule.minLR
        schedule.stepSize = reader.integer(section["step_size"], "schedule.step_size", atLeast: 1, atMost: ConfigLimits.maximumEpochs) ?? schedule.stepSize
        schedule.gamma = reader.number(section["gamma"], "schedule.gamma", .positive) ?? schedule.gamma
    }

    mutating func decodeTraining(_ section: NodeReader.Section, into training: inout TrainingConfig) {
        training.epochs = reader.integer(section["epochs"], "training.epochs", atLeast: 1, atMost: ConfigLimits.maximumEpochs) ?? training.epochs
        training.batchSize = reader.integer(
            section["batch_size"], "training.batch_size", atLeast: 1, atMost: ConfigLimits.maximumBatchSize) ?? training.batchSize
        training.keep = reader.choice(section["keep"], "training.keep") ?? training.keep
        training.threads = reader.integer(section["threads"], "training.threads", atLeast: 1, atMost: ConfigLimits.maximumThreads) ?? training.threads
        training.blocks = reader.integer(section["blocks"], "training.blocks", atLeast: 1, atMost: ConfigLimits.maximumBlocks) ?? training.blocks
        training.shards = reader.integer(section["shards"], "training.shards", atLeast: 1, atMost: ConfigLimits.maximumShards) ?? training.shards
        guard let node = section["early_stopping"] else { return }
        if case .scalar(.null, _) = node.content {
            training.earlyStopping = nil
        } else if let stopping = reader.section(node, "training.early_stopping") {
            var rule = EarlyStopping()
            rule.patience = reader.integer(
                stopping["patience"], "training.early_stopping.patience", atLeast: 1, atMost: ConfigLimits.maximumEpochs) ?? rule.patience
            rule.minDelta = reader.number(stopping["min_delta"], "training.early_stopping.min_delta", .nonNegative)
                ?? rule.minDelta
            rule.restoreBest = reader.flag(stopping["restore_best"], "training.early_stopping.restore_best")
                ?? rule.restoreBest
            training.earlyStopping = rule
        }
    }

    mutating func decodeEvaluation(_ section: NodeReader.Section, into evaluation: inout EvaluationConfig) {
        evaluation.clip = reader.flag(section["clip"], "evaluation.clip") ?? evaluation.clip
        evaluation.coldStart = reader.choice(section["cold_start"], "evaluation.cold_start") ?? evaluation.coldStart
        guard let ranking = reader.section(section["ranking"], "evaluation.ranking") else { return }
        evaluation.ranking.every = reader.choice(ranking["every"], "evaluation.ranking.every") ?? evaluation.ranking.every
        if let node = ranking["k"] {
            let most = ConfigLimits.maximumRankingK
            if case .scalar = node.content {
                evaluation.ranking.k = reader.integer(node, "evaluation.ranking.k", atLeast: 1, atMost: most).map { [$0] }
                    ?? evaluation.ranking.k
            } else if let cutoffs = reader.list(node, "evaluation.ranking.k", { $0.integer($1, $2, atLeast: 1, atMost: most) }) {
                if cutoffs.count <= ConfigLimits.maximumRankingCutoffs { evaluation.ranking.k = cutoffs } else {
                    reader.fail(node, "evaluation.ranking.k",
                                "at most \(ConfigLimits.maximumRankingCutoffs) cutoffs (cflab's limit), got \(cutoffs.count)")
                }
            }
        }
        evaluation.ranking.threshold = reader.number(ranking["threshold"], "evaluation.ranking.threshold")
            ?? evaluation.ranking.threshold
    }
}
