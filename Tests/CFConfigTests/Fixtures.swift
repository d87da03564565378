import CFConfig
import XCTest

/// The example files of CONFIG.md, verbatim, and small helpers shared by the tests.
enum Fixtures {
    static let oneRun = """
    # experiments/ref-fastai-dot-bias.yaml
    version: 1                   # schema version; part of the trial key
    name: ref-fastai-dot-bias    # default: the file's stem; not part of the trial key
    description: fastai collab_learner, ml-100k, random 80/20
    tags: [reference, fastai]
    seed: 42                     # base seed
    base: null                   # optional path of a file to inherit from (deep merge; this file wins)
    data:
      source: movielens          # movielens | csv | synthetic
      name: ml-100k              # a MovieLens folder under $CFLAB_DATA, or `path:` for any folder
      # csv: {path: x.csv, columns: {user: 0, item: 1, rating: 2, timestamp: 3}, delimiter: ",", header: true}
      # synthetic: {users: 2000, items: 1000, ratings: 100000, rank: 8, noise: 0.3, seed: 7}
      duplicates: last           # last | error, for repeated (user, item) pairs
    split:
      kind: random               # random | kfold | per_user | temporal | predefined
      valid: 0.2                 # fraction held out for validation
      test: 0.0                  # optional test fraction (random), or a predefined test part
      # kfold: {folds: 5, fold: 0}   per_user: {valid: 0.2}   temporal: {valid: 0.2}   predefined: {fold: u1}
      seed: null                 # null: the base seed. The split never depends on the trial.
    model:
      kind: dot_bias             # dot | dot_bias | nn | global_mean | biases
      embedding_dim: 50          # nn also: auto (fastai heuristic) or {user: 64, item: 128}
      init: {kind: truncated_normal, std: 0.01}   # uniform {low, high} | normal {std} | truncated_normal {std}
      global_mean: false         # dot_bias: add the training mean
      y_range: [0.0, 5.5]        # [lo, hi] | data (training min/max) | null (no sigmoid)
      dropout: 0.0               # a number for both, or {user: 0.3, item: 0.6}
      # nn only: layers: [100, 50], layer_dropout: [0.0, 0.0], batchnorm: false
    optimizer:
      kind: adamw                # sgd | adagrad | adam | adamw (= adam with decoupled weight decay)
      lr: 5.0e-3
      betas: [0.9, 0.99]         # adam, adamw
      eps: 1.0e-5
      momentum: 0.0              # sgd
      weight_decay: 0.1
      weight_decay_mode: decoupled   # l2 | decoupled; adamw implies decoupled
      dense: false               # true: every embedding row updated every step (PyTorch semantics)
    schedule:
      kind: one_cycle            # constant | one_cycle | cosine | step
      pct_start: 0.25
      div: 25
      final_div: 1.0e5
      moms: [0.95, 0.85, 0.95]   # beta1 cycled by one_cycle
    training:
      epochs: 5
      batch_size: 64
      early_stopping: null       # {patience: 2, min_delta: 0.0, restore_best: true}
      keep: best                 # which parameters the store keeps: best | final | none
      threads: 1                 # never changes results (see reproducibility)
    evaluation:
      clip: false                # true: clip predictions to the data's rating range (Surprise does; the seeds do not)
      ranking: {every: end, k: [10], threshold: 4.0}   # every: end | epoch | never

    """

    static let sweep = """
    # experiments/sweep-small.yaml
    version: 1
    name: sweep-small
    seed: 1
    data: {source: movielens, name: ml-latest-small}
    split: {kind: random, valid: 0.2}
    model: {kind: dot_bias, embedding_dim: 32, y_range: data, dropout: 0.0, layers: [100, 50]}
    optimizer: {kind: adam, lr: 1.0e-3, weight_decay: 1.0e-4, weight_decay_mode: l2}
    training: {epochs: 8, batch_size: 256, early_stopping: {patience: 2}}
    sweep:
      method: grid               # grid | random
      parameters:
        model.kind: [dot, dot_bias, nn]
        model.embedding_dim: [16, 64]
        model.dropout: [0.0, 0.3]
        optimizer.weight_decay: {values: [1.0e-4, 1.0e-2]}
        # random only: optimizer.lr: {min: 1.0e-4, max: 1.0e-2, log: true}
      samples: 20                # random only
      sampler_seed: 7            # random only
      seeds: [1, 2, 3]           # or repeats: 3; each trial runs once per seed
      max_trials: 500            # more needs --yes

    """

    /// A small valid single run on synthetic data.
    static let minimal = """
    data: {source: synthetic}
    model: {kind: dot_bias, embedding_dim: 8}

    """
}

/// The issue lines of parsing `yaml`, or an empty list when it parses.
func issueLines(_ yaml: String, fileName: String = "a.yaml", overrides: [String] = []) -> [String] {
    do {
        _ = try ConfigLoader.parse(yaml: yaml, fileName: fileName, overrides: overrides)
        return []
    } catch let error as ConfigError {
        return error.issues.map(\.description)
    } catch {
        return ["unexpected error \(error)"]
    }
}
