/// The names of the per-epoch metrics in `EpochReport.metrics`, as the store records them.
public enum MetricName {
    /// Mean over the epoch's batches of the batch MSE (1/B)Σ(r̂ − r)², in training mode.
    public static let trainLoss = "train_loss"
    /// RMSE over the training ratings in evaluation mode (no dropout).
    public static let trainRMSE = "train_rmse"
    public static let validRMSE = "valid_rmse"
    public static let validMAE = "valid_mae"
    /// Learning rate of the epoch's last step (absent for a model without parameters).
    public static let learningRate = "lr"
    /// Wall time of the epoch, evaluation included.
    public static let seconds = "seconds"
    /// Training ratings per second of training time (evaluation excluded).
    public static let ratingsPerSecond = "ratings_per_second"
    /// Validation ratings whose user or item was unseen in training (a fallback prediction).
    public static let coldStart = "cold_start"

    /// Metrics that measure time and so differ between otherwise identical runs.
    public static let timings: Set<String> = [seconds, ratingsPerSecond]

    /// Prefixes of metrics older stores hold but this build no longer computes, each with
    /// what replaced it: `map@K` (divided by min(K, R)) became `trec_map@K` in 0.3.0.
    public static let retired: [(prefix: String, replacement: String)] = [("map@", "trec_map@K, trec_eval's MAP")]

    /// Whether `name` is a retired metric (see `retired`).
    public static func isRetired(_ name: String) -> Bool {
        retired.contains { name.hasPrefix($0.prefix) }
    }
}
