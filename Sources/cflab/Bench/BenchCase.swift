import Foundation

/// A named measurement of `cflab bench`: what is timed, on data of which shape.
///
/// Training cases train a model for `--epochs` epochs on synthetic ratings (planted
/// rank-8 factors) and time each epoch; loading and splitting cases time reading and
/// fingerprinting a ratings file, or splitting it, once per repetition; evaluation cases
/// time the top-K ranking of every user, or the validation RMSE, of an untrained model
/// (its initial parameters: the work does not depend on the values) once per
/// repetition, on `--threads` threads. `--quick` runs
/// every case on its quick shape (a twentieth of the MovieLens 20M shape), for smoke tests.
/// `bench/torch_reference.py` measures PyTorch on the same cases and the same files.
struct BenchCase: Sendable {
    /// What a repetition times.
    enum Work: Sendable {
        case training
        /// Parse and fingerprint the ratings file.
        case loading
        /// Split the loaded ratings (random 80/20).
        case splitting
        /// Top-K ranking metrics of every user over every item (`RankingEvaluator`).
        case ranking
        /// RMSE and MAE on the validation part (`Evaluator`).
        case validation
    }

    let name: String
    let summary: String
    let work: Work
    let shape: DataShape
    let quickShape: DataShape
    /// The experiment's `model:` and `optimizer:` sections, as YAML flow mappings.
    let model: String
    let optimizer: String
    let batchSize: Int
    /// The model kind and the optimiser, as the table's columns show them ("-" when not training).
    let modelLabel: String
    let optimizerLabel: String
    /// Further `training:` entries, such as `blocks: 4`.
    var training = ""
    /// Steps per timed epoch, when a full epoch would take too long: the epoch trains on
    /// the first `steps × batch` training ratings (the tables keep their full size).
    var steps: Int?

    func shape(quick: Bool) -> DataShape { quick ? quickShape : shape }

    /// A training case.
    static func training(
        _ name: String, _ summary: String, shape: DataShape, quick: DataShape, model: String, modelLabel: String,
        optimizer: String, optimizerLabel: String, batchSize: Int, training: String = "", steps: Int? = nil
    ) -> BenchCase {
        BenchCase(name: name, summary: summary, work: .training, shape: shape, quickShape: quick, model: model,
                  optimizer: optimizer, batchSize: batchSize, modelLabel: modelLabel, optimizerLabel: optimizerLabel,
                  training: training, steps: steps)
    }

    /// A loading or splitting case.
    static func data(_ name: String, _ summary: String, work: Work, shape: DataShape, quick: DataShape) -> BenchCase {
        BenchCase(name: name, summary: summary, work: work, shape: shape, quickShape: quick, model: "", optimizer: "",
                  batchSize: 0, modelLabel: "-", optimizerLabel: "-")
    }

    /// An evaluation case: the model section's model, untrained, scored by `work`.
    static func evaluation(
        _ name: String, _ summary: String, work: Work, shape: DataShape, quick: DataShape, model: String, modelLabel: String
    ) -> BenchCase {
        BenchCase(name: name, summary: summary, work: work, shape: shape, quickShape: quick, model: model, optimizer: "",
                  batchSize: 0, modelLabel: modelLabel, optimizerLabel: "-")
    }

    /// The cases `cflab bench` runs without `--case`: each model kind at ml-100k size.
    static let defaultNames = ["dot", "dot_bias", "nn"]

    static let all: [BenchCase] = {
        let small = DataShape.ml100k
        let large = DataShape.ml20m
        let adam = "{kind: adam, lr: 1.0e-3}"
        let factors = "{kind: dot_bias, embedding_dim: 64}"
        let neural = "{kind: nn, embedding_dim: auto, layers: [100, 50], y_range: [0.0, 5.5]}"
        return [
            training("dot", "dot k=50, lazy Adam, batch 64, ml-100k size", shape: small, quick: small,
                     model: "{kind: dot, embedding_dim: 50}", modelLabel: "dot", optimizer: adam, optimizerLabel: "adam lazy", batchSize: 64),
            training("dot_bias", "dot_bias k=50, lazy Adam, batch 64, ml-100k size", shape: small, quick: small,
                     model: "{kind: dot_bias, embedding_dim: 50}", modelLabel: "dot_bias", optimizer: adam, optimizerLabel: "adam lazy",
                     batchSize: 64),
            training("nn", "nn [100, 50], lazy Adam, batch 64, ml-100k size", shape: small, quick: small,
                     model: neural, modelLabel: "nn", optimizer: adam, optimizerLabel: "adam lazy", batchSize: 64),
            training("nn-b1024", "nn [100, 50], lazy Adam, batch 1024, ml-100k size", shape: small, quick: small,
                     model: neural, modelLabel: "nn", optimizer: adam, optimizerLabel: "adam lazy", batchSize: 1024),
            training("nn-b1024-s2", "nn-b1024 with each batch in 2 shards (training.shards 2): run with --threads 1 and 2",
                     shape: small, quick: small, model: neural, modelLabel: "nn", optimizer: adam, optimizerLabel: "adam lazy",
                     batchSize: 1024, training: "shards: 2"),
            training("sgd-20m", "dot_bias k=64, SGD, batch 1024, MovieLens 20M shape", shape: large, quick: large.twentieth,
                     model: factors, modelLabel: "dot_bias", optimizer: "{kind: sgd, lr: 0.05}", optimizerLabel: "sgd", batchSize: 1024),
            training("adam-20m", "dot_bias k=64, lazy Adam, batch 1024, MovieLens 20M shape", shape: large, quick: large.twentieth,
                     model: factors, modelLabel: "dot_bias", optimizer: adam, optimizerLabel: "adam lazy", batchSize: 1024),
            training("adamw-20m", "dot_bias k=64, lazy AdamW (weight decay 0.01), batch 1024, MovieLens 20M shape",
                     shape: large, quick: large.twentieth, model: factors, modelLabel: "dot_bias",
                     optimizer: "{kind: adamw, lr: 1.0e-3, weight_decay: 0.01}", optimizerLabel: "adamw lazy", batchSize: 1024),
            training("sgd-20m-b4", "sgd-20m as DSGD blocks (training.blocks 4): run with --threads 1 and 2", shape: large,
                     quick: large.twentieth, model: factors, modelLabel: "dot_bias", optimizer: "{kind: sgd, lr: 0.05}",
                     optimizerLabel: "sgd", batchSize: 1024, training: "blocks: 4"),
            training("adam-20m-b4", "adam-20m as DSGD blocks (training.blocks 4): run with --threads 1 and 2", shape: large,
                     quick: large.twentieth, model: factors, modelLabel: "dot_bias", optimizer: adam, optimizerLabel: "adam lazy",
                     batchSize: 1024, training: "blocks: 4"),
            training("dense-adamw-20m", "dot_bias k=64, dense AdamW (fastai semantics), batch 1024, 20M shape: 200 steps per epoch",
                     shape: large, quick: large.twentieth, model: factors, modelLabel: "dot_bias",
                     optimizer: "{kind: adamw, lr: 1.0e-3, weight_decay: 0.01, dense: true}", optimizerLabel: "adamw dense",
                     batchSize: 1024, steps: 200),
            data("load-20m", "parse and fingerprint a ratings.csv of the MovieLens 20M shape", work: .loading,
                 shape: large, quick: large.twentieth),
            data("split-20m", "split ratings of the MovieLens 20M shape (random 80/20)", work: .splitting,
                 shape: large, quick: large.twentieth),
            evaluation("rank-20m", "top-10 ranking of every user over every item, dot_bias k=64 (untrained), MovieLens 20M shape",
                       work: .ranking, shape: large, quick: large.twentieth, model: factors, modelLabel: "dot_bias"),
            evaluation("valid-20m", "validation RMSE (the 20% valid part), dot_bias k=64 (untrained), MovieLens 20M shape",
                       work: .validation, shape: large, quick: large.twentieth, model: factors, modelLabel: "dot_bias"),
        ]
    }()

    static func named(_ name: String) -> BenchCase? { all.first { $0.name == name } }
}

/// The size of a synthetic dataset: users, items and distinct ratings.
struct DataShape: Sendable, Equatable {
    let users: Int
    let items: Int
    let ratings: Int

    /// ml-100k: 943 users, 1,682 items, 100,000 ratings.
    static let ml100k = DataShape(users: 943, items: 1682, ratings: 100_000)
    /// MovieLens 20M: 138,493 users, 26,744 items, 20,000,000 ratings.
    static let ml20m = DataShape(users: 138_493, items: 26_744, ratings: 20_000_000)

    /// A twentieth of the ratings, users and items.
    var twentieth: DataShape { DataShape(users: users / 20, items: items / 20, ratings: ratings / 20) }

    /// `943x1682 100k`, `138493x26744 20M`.
    var label: String {
        let count = ratings >= 1_000_000 && ratings % 1_000_000 == 0 ? "\(ratings / 1_000_000)M"
            : ratings >= 1000 && ratings % 1000 == 0 ? "\(ratings / 1000)k" : "\(ratings)"
        return "\(users)x\(items) \(count)"
    }

    /// Large shapes are read from a cached ratings file (so that loading is measured and
    /// PyTorch reads the same ratings); small ones are generated in memory.
    var usesFile: Bool { ratings >= 1_000_000 }
}
