import CFTestSupport

/// Experiment files the run-store CLI tests train, on tiny synthetic data.
enum CLIExperiments {
    /// A sweep of 6 trials (3 points x 2 seeds) on tiny synthetic data, 2 epochs each.
    static let tinySweep = ExperimentYAML.synthetic(
        name: "tiny-sweep", seed: 5, data: "{users: 100, items: 60, ratings: 2000, rank: 3, noise: 0.2, seed: 3}",
        model: "{kind: dot_bias, embedding_dim: 4, y_range: [0.0, 5.5], dropout: 0.0}",
        training: "{epochs: 2, batch_size: 64}", extra: """
        sweep:
          parameters:
            model.kind: [dot, dot_bias]
            model.dropout: [0.0, 0.3]
          seeds: [1, 2]
        """)

    /// A single run slow enough (debug build: about a second per epoch, 4 epochs) to be killed mid-training.
    static let slowRun = ExperimentYAML.synthetic(
        name: "slow", seed: 9, data: "{users: 2000, items: 1000, ratings: 150000, rank: 4, noise: 0.3, seed: 3}",
        model: "{kind: dot_bias, embedding_dim: 16, y_range: [0.0, 5.5]}", training: "{epochs: 4, batch_size: 64}")
}
