import CFConfig
import CFExperiment
import CFTestSupport
import Foundation
import XCTest

/// Small experiment files on built-in synthetic data, and helpers to prepare and train them.
enum Experiments {
    /// A dot_bias run on 3,000 synthetic ratings, three epochs, with the given extra lines.
    static func yaml(kind: String = "dot_bias", extra: String = "", epochs: Int = 3) -> String {
        ExperimentYAML.synthetic(
            name: "tiny", seed: 11, data: "{users: 120, items: 80, ratings: 3000, rank: 3, noise: 0.3, seed: 5}",
            model: "{kind: \(kind), embedding_dim: 6\(kind == "dot" ? "" : ", y_range: [0.0, 5.5]")}",
            training: "{epochs: \(epochs), batch_size: 64}", extra: extra)
    }

    static func file(_ yaml: String, overrides: [String] = []) throws -> ExperimentFile {
        try ConfigLoader.parse(yaml: yaml, fileName: "tiny.yaml", overrides: overrides)
    }

    /// The per-epoch metrics of training `yaml` with the library.
    static func train(_ yaml: String, overrides: [String] = []) throws -> TrainingRun {
        let experiment = try PreparedExperiment.prepare(file(yaml, overrides: overrides))
        let trainer = try experiment.trainer()
        let result = try trainer.run { _ in .continue }
        return TrainingRun(
            epochs: result.epochs.map(\.metrics),
            parameters: result.model.savedTensors.map { ($0.name, $0.values) },
            initial: try initialParameters(experiment))
    }

    /// The model's parameters before any step.
    static func initialParameters(_ experiment: PreparedExperiment) throws -> [(String, [Float])] {
        var initial: [(String, [Float])] = []
        let trainer = try experiment.trainer()
        let model = try Trainer.makeModelFromConfig(experiment.config, trainer.statistics, experiment.streams.parameterStreams())
        for tensor in model.savedTensors { initial.append((tensor.name, tensor.values)) }
        return initial
    }
}

/// What a test keeps of a training run.
struct TrainingRun {
    let epochs: [[String: Double]]
    let parameters: [(String, [Float])]
    let initial: [(String, [Float])]

    func series(_ metric: String) -> [UInt64] {
        epochs.map { ($0[metric] ?? .nan).bitPattern }
    }
}

import CFTraining
