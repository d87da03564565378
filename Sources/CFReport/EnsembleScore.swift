/// The metrics of a seed ensemble (the mean prediction of one configuration's runs), as
/// the caller scored it, shown as a labelled row under that configuration.
public struct EnsembleScore: Equatable, Sendable {
    public let runIds: [Int64]
    /// `rmse` and `mae` on the validation part.
    public let valid: [String: Double]
    /// `rmse` and `mae` on the test part, when the runs have one.
    public let test: [String: Double]?

    /// How many folds it averages (1: one split; more: each fold's seed ensemble, then their mean).
    public let folds: Int

    public init(runIds: [Int64], valid: [String: Double], test: [String: Double]?, folds: Int = 1) {
        self.runIds = runIds
        self.valid = valid
        self.test = test
        self.folds = folds
    }

    /// The value of `column` for this ensemble: only RMSE and MAE exist for it.
    func value(_ column: MetricColumn) -> Double? {
        switch column.source {
        case .chosen("valid_rmse"): return valid["rmse"]
        case .chosen("valid_mae"): return valid["mae"]
        case let .test(key): return test?[key]
        default: return nil
        }
    }
}
