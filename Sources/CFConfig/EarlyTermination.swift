/// The `sweep.early_terminate` block: which trials stop at a rung because their
/// validation curve falls behind the others'.
///
/// Rungs are the epochs r₀ = `min_epochs`, r_{k+1} = η·r_k that lie below the trial's
/// `training.epochs`. At rung r a trial's value is the best (lowest) `metric` of its
/// epochs 1…r, as the store holds them; a trial whose run ended before r (early stopping,
/// divergence) does not compete there. `RungRule` decides who goes on.
public struct EarlyTermination: Equatable, Sendable {
    /// How the trials that compete at a rung are chosen.
    public enum Kind: String, CaseIterable, Sendable {
        /// Synchronous successive halving: a rung waits for every trial of the sweep.
        case successiveHalving = "successive_halving"
        /// Asynchronous successive halving judged in trial order: trial i competes with
        /// trials 0…i only, so it waits just for the trials before it.
        case asha
    }

    public var kind: Kind
    /// `min_epochs`: the first rung. Default 1.
    public var minEpochs: Int = 1
    /// `eta`: the reduction factor η, at least 2. Default 3.
    public var eta: Int = 3
    /// `metric`: what ranks trials at a rung; lower is better. Default `valid_rmse`.
    public var metric: String = "valid_rmse"

    /// The per-epoch metrics a rung may rank on (all lower-is-better).
    public static let metrics = ["valid_rmse", "valid_mae", "train_rmse", "train_loss"]

    public init(kind: Kind, minEpochs: Int = 1, eta: Int = 3, metric: String = "valid_rmse") {
        self.kind = kind
        self.minEpochs = minEpochs
        self.eta = eta
        self.metric = metric
    }

    /// The rung epochs of a trial that trains `epochs` epochs, in order: every
    /// `min_epochs`·ηᵏ below `epochs` (its last epoch is no rung: nothing is left to save).
    public func rungs(epochs: Int) -> [Int] {
        var rungs: [Int] = []
        var rung = minEpochs
        while rung < epochs {
            rungs.append(rung)
            let (next, overflow) = rung.multipliedReportingOverflow(by: eta)
            if overflow { break }
            rung = next
        }
        return rungs
    }
}

/// The settings of `method: tpe` (the `sweep.tpe` block), after Optuna's `TPESampler`.
public struct TPESettings: Equatable, Sendable {
    /// `startup_trials`: points drawn at random before TPE models the results. Default 10.
    public var startupTrials: Int = 10
    /// `candidates`: points drawn from l(x) per proposal, the best l/g kept. Default 24.
    public var candidates: Int = 24
    /// `gamma`: the share of points that count as good, n_good = min(⌈γ·n⌉, 25). Default 0.1.
    public var gamma: Double = 0.1
    /// `prior_weight`: the weight of the prior component of each estimator. Default 1.
    public var priorWeight: Double = 1.0
    /// `batch`: points proposed together, from the trials finished before them. Default 4.
    public var batch: Int = 4
    /// `metric`: the objective, the best epoch's value, mean over seeds; lower is better.
    public var metric: String = "valid_rmse"

    public init() {}

    /// n_good for n observed points: min(⌈γ·n⌉, 25), Optuna's `default_gamma`.
    public func goodCount(of count: Int) -> Int {
        min(Int((gamma * Double(count)).rounded(.up)), 25)
    }
}
