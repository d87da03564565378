import CFCore
/// The keys an experiment file may contain, section by section, in the docs/config.md order.
///
/// The decoder rejects anything else with a "did you mean"; sweep parameters and
/// `--set` overrides must name one of `settablePaths`.
enum ConfigSchema {
    static let root = [
        "version", "name", "description", "tags", "seed", "base",
        "data", "split", "model", "optimizer", "schedule", "training", "evaluation", "sweep",
    ]

    /// The keys of each mapping, by dotted path.
    static let sections: [String: [String]] = [
        "": root,
        "data": ["source", "name", "path", "csv", "synthetic", "duplicates", "rating_range"],
        "data.csv": ["path", "columns", "delimiter", "header"],
        "data.csv.columns": ["user", "item", "rating", "timestamp"],
        "data.synthetic": ["users", "items", "ratings", "rank", "noise", "seed"],
        "split": ["kind", "valid", "test", "folds", "fold", "last_n", "seed", "refit"],
        "model": ["kind", "embedding_dim", "init", "global_mean", "y_range", "dropout",
                  "layers", "layer_dropout", "batchnorm", "bias_init", "l2", "l2_exponent", "implicit"],
        "model.embedding_dim": ["user", "item"],
        "model.init": ["kind", "low", "high", "std"],
        "model.dropout": ["user", "item"],
        "optimizer": ["kind", "lr", "betas", "eps", "momentum", "weight_decay", "weight_decay_mode", "dense"],
        "schedule": ["kind", "pct_start", "div", "final_div", "moms", "warmup", "min_lr", "step_size", "gamma"],
        "training": ["epochs", "batch_size", "early_stopping", "keep", "threads", "blocks", "shards"],
        "training.early_stopping": ["patience", "min_delta", "restore_best"],
        "evaluation": ["clip", "cold_start", "ranking"],
        "evaluation.ranking": ["every", "k", "threshold"],
        "sweep": ["method", "parameters", "samples", "sampler_seed", "seeds", "repeats", "max_trials",
                  "early_terminate", "tpe"],
        "sweep.early_terminate": ["kind", "min_epochs", "eta", "metric"],
        "sweep.tpe": ["startup_trials", "candidates", "gamma", "prior_weight", "batch", "metric"],
    ]

    /// Every dotted path that `--set` may replace (anything but `base` and the sweep's parameters).
    static let settablePaths: [String] = {
        var paths: [String] = []
        func walk(_ prefix: String) {
            for key in sections[prefix] ?? [] where key != "base" {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths.append(path)
                if path != "sweep.parameters" { walk(path) }
            }
        }
        walk("")
        return paths
    }()

    /// Every dotted path that a sweep may vary: the settable paths outside `sweep`, except
    /// the ones that identify the file (`unsweepable`).
    static let sweepablePaths: [String] = settablePaths.filter {
        $0 != "sweep" && !$0.hasPrefix("sweep.") && unsweepable[$0] == nil
    }

    /// Keys a sweep may not vary, with the reason a message gives.
    static let unsweepable: [String: String] = [
        "name": "a sweep has one name, which the store files every trial under; its trials differ by their parameters",
        "version": "the schema version belongs to the file, not to a trial",
        "base": "the base file is merged before the sweep expands; sweep the keys it sets instead",
        "seed": "vary the seed with sweep.seeds or sweep.repeats, not as a parameter",
    ]

    /// An issue message for a path that is not in `paths`.
    static func unknownPathMessage(_ path: String, among paths: [String]) -> String {
        "unknown key" + EditDistance.hint(for: path, among: paths).replacingAllowedList()
    }
}

private extension String {
    /// Long lists of every path are not helpful: keep only the suggestion.
    func replacingAllowedList() -> String {
        hasPrefix("; allowed:") ? "; see docs/config.md for the keys of an experiment file" : self
    }
}
