/// When a key of the experiment file applies, and how to put it back to its default.
///
/// The model kinds use these keys:
/// - `dot`: embedding_dim (a single size), init.
/// - `dot_bias`: embedding_dim (a single size), init, global_mean, y_range, dropout,
///   bias_init, l2, l2_exponent, implicit.
/// - `nn`: embedding_dim (a size, `auto` or per side), init, dropout, y_range, layers,
///   layer_dropout, batchnorm.
/// - `global_mean`, `biases`: none (`biases` always adds the training mean).
/// Optimisers: betas for adam/adamw, eps for adagrad/adam/adamw, momentum for sgd.
/// Schedules: pct_start/div/final_div/moms for one_cycle, warmup/min_lr for cosine,
/// step_size/gamma for step. Splits: valid for random/per_user/temporal, test for
/// random/per_user, folds for kfold, fold for kfold/predefined, last_n for temporal,
/// seed for random/kfold/per_user/predefined. Data: name/path for movielens, csv for csv,
/// synthetic for synthetic.
struct KeyRule {
    let path: String
    /// Where the key applies, as a user reads it: "model.kind nn".
    let requirement: String
    let applies: (ExperimentConfig) -> Bool
    let isDefault: (ExperimentConfig) -> Bool
    let reset: (inout ExperimentConfig) -> Void

    static func field<Value: Equatable>(
        _ path: String, _ keyPath: WritableKeyPath<ExperimentConfig, Value>,
        _ requirement: String, _ applies: @escaping (ExperimentConfig) -> Bool
    ) -> KeyRule {
        let defaults = ExperimentConfig()
        return KeyRule(
            path: path, requirement: requirement, applies: applies,
            isDefault: { $0[keyPath: keyPath] == defaults[keyPath: keyPath] },
            reset: { $0[keyPath: keyPath] = defaults[keyPath: keyPath] }
        )
    }

    /// A key added after the shape every cflab tool shares: it applies where `applies`
    /// says, and only away from its default, so a config that leaves it alone resolves,
    /// keys and groups exactly as it did before the key existed (stored runs keep their
    /// trial keys, and rows of compare do not split on it).
    static func addition<Value: Equatable>(
        _ path: String, _ keyPath: WritableKeyPath<ExperimentConfig, Value>,
        _ requirement: String, _ applies: @escaping (ExperimentConfig) -> Bool
    ) -> KeyRule {
        let defaults = ExperimentConfig()
        return field(path, keyPath, requirement) { applies($0) && $0[keyPath: keyPath] != defaults[keyPath: keyPath] }
    }

    /// Every key whose use depends on a kind or source, in docs/config.md order.
    static var all: [KeyRule] {
        let embeddings: (ExperimentConfig) -> Bool = { [.dot, .dotBias, .nn].contains($0.model.kind) }
        let shaped: (ExperimentConfig) -> Bool = { [.dotBias, .nn].contains($0.model.kind) }
        let network: (ExperimentConfig) -> Bool = { $0.model.kind == .nn }
        let biased: (ExperimentConfig) -> Bool = { $0.model.kind == .dotBias }
        let adamLike: (ExperimentConfig) -> Bool = { [.adam, .adamw].contains($0.optimizer.kind) }
        let oneCycle: (ExperimentConfig) -> Bool = { $0.schedule.kind == .oneCycle }
        let cosine: (ExperimentConfig) -> Bool = { $0.schedule.kind == .cosine }
        let step: (ExperimentConfig) -> Bool = { $0.schedule.kind == .step }
        let split: ([SplitConfig.Kind]) -> (ExperimentConfig) -> Bool = { kinds in { kinds.contains($0.split.kind) } }
        let movielens: (ExperimentConfig) -> Bool = { $0.data.source == .movielens }
        let defaults = ExperimentConfig()
        return [
            field("data.name", \.data.name, "data.source movielens", movielens),
            field("data.path", \.data.path, "data.source movielens (csv files go in data.csv.path)", movielens),
            field("data.csv", \.data.csv, "data.source csv") { $0.data.source == .csv },
            field("data.synthetic", \.data.synthetic, "data.source synthetic") { $0.data.source == .synthetic },
            field("split.valid", \.split.valid, "any split.kind", split(SplitConfig.Kind.allCases)),
            field("split.test", \.split.test, "split.kind random or per_user", split([.random, .perUser])),
            field("split.folds", \.split.folds, "split.kind kfold", split([.kfold])),
            KeyRule(
                path: "split.fold", requirement: "split.kind kfold or predefined", applies: split([.kfold, .predefined]),
                isDefault: { $0.split.fold == defaults.split.fold && $0.split.predefinedFold == defaults.split.predefinedFold },
                reset: {
                    if $0.split.kind != .kfold { $0.split.fold = defaults.split.fold }
                    if $0.split.kind != .predefined { $0.split.predefinedFold = defaults.split.predefinedFold }
                }
            ),
            field("split.last_n", \.split.lastN, "split.kind temporal", split([.temporal])),
            field("split.seed", \.split.seed, "split.kind random, kfold, per_user or predefined", split([.random, .kfold, .perUser, .predefined])),
            addition("split.refit", \.split.refit, "any split.kind", split(SplitConfig.Kind.allCases)),
            field("model.embedding_dim", \.model.embeddingDim, "model.kind dot, dot_bias or nn", embeddings),
            field("model.init", \.model.initializer, "model.kind dot, dot_bias or nn", embeddings),
            field("model.global_mean", \.model.globalMean, "model.kind dot_bias") { $0.model.kind == .dotBias },
            field("model.y_range", \.model.yRange, "model.kind dot_bias or nn", shaped),
            field("model.dropout", \.model.dropout, "model.kind dot_bias or nn", shaped),
            field("model.layers", \.model.layers, "model.kind nn", network),
            field("model.layer_dropout", \.model.layerDropout, "model.kind nn", network),
            field("model.batchnorm", \.model.batchnorm, "model.kind nn", network),
            addition("model.bias_init", \.model.biasInit, "model.kind dot_bias", biased),
            addition("model.l2", \.model.l2, "model.kind dot_bias", biased),
            addition("model.l2_exponent", \.model.l2Exponent, "model.kind dot_bias", biased),
            addition("model.implicit", \.model.implicit, "model.kind dot_bias", biased),
            field("optimizer.betas", \.optimizer.beta1, "optimizer.kind adam or adamw", adamLike),
            field("optimizer.betas", \.optimizer.beta2, "optimizer.kind adam or adamw", adamLike),
            field("optimizer.eps", \.optimizer.epsilon, "optimizer.kind adagrad, adam or adamw") { $0.optimizer.kind != .sgd },
            field("optimizer.momentum", \.optimizer.momentum, "optimizer.kind sgd") { $0.optimizer.kind == .sgd },
            field("schedule.pct_start", \.schedule.pctStart, "schedule.kind one_cycle", oneCycle),
            field("schedule.div", \.schedule.div, "schedule.kind one_cycle", oneCycle),
            field("schedule.final_div", \.schedule.finalDiv, "schedule.kind one_cycle", oneCycle),
            field("schedule.moms", \.schedule.moms, "schedule.kind one_cycle", oneCycle),
            field("schedule.warmup", \.schedule.warmup, "schedule.kind cosine", cosine),
            field("schedule.min_lr", \.schedule.minLR, "schedule.kind cosine", cosine),
            field("schedule.step_size", \.schedule.stepSize, "schedule.kind step", step),
            field("schedule.gamma", \.schedule.gamma, "schedule.kind step", step),
            field("training.blocks", \.training.blocks, "model.kind dot, dot_bias or biases and a lazy optimizer (optimizer.dense false)") {
                [.dot, .dotBias, .biases].contains($0.model.kind) && !$0.optimizer.dense
            },
            field("training.shards", \.training.shards, "model.kind nn", network),
        ]
    }
}
