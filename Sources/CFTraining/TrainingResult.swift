import CFModels

/// The outcome of `Trainer.run`: how it ended, every epoch, and the trained model.
public struct TrainingResult {
    /// How a run ended.
    public enum Status: String, Sendable, Equatable {
        /// Ran all epochs, or stopped early by early stopping (see `earlyStopped`).
        case completed
        /// A batch loss or a metric became NaN or infinite.
        case diverged
        /// The `onEpoch` callback returned `.stop` (pruning, Ctrl-C).
        case stopped
    }

    public var status: Status
    /// Early stopping ended the run before `training.epochs` (status `completed`).
    public var earlyStopped: Bool
    /// Every reported epoch, in order.
    public var epochs: [EpochReport]
    /// 1-based epoch with the lowest monitored metric (valid_rmse, or train_rmse when
    /// there is no validation set); nil if no epoch had a finite value.
    public var bestEpoch: Int?
    /// Metrics of `bestEpoch`.
    public var bestMetrics: [String: Double]
    /// Metrics of the last reported epoch.
    public var finalMetrics: [String: Double]
    /// `rmse`, `mae`, `count`, `cold_start` on `split.test` with the model's end
    /// parameters; nil without a test part.
    public var testMetrics: [String: Double]?
    /// The epoch whose parameters `model` holds: `bestEpoch` when early stopping restored
    /// it, otherwise the last epoch.
    public var modelEpoch: Int
    /// The parameters of `bestEpoch`, captured when `training.keep` is `best` or early
    /// stopping restores the best; the store saves these for `keep: best`.
    public var bestParameters: ParameterSnapshot?
    /// The trained model, holding the parameters of `modelEpoch`.
    public var model: any RatingModel
}
