import GRDB

/// One row of `rungs`: whether a trial went on past a rung of its sweep's pruning rule.
public struct RungDecision: Equatable, Sendable {
    public var sweep: String
    public var trialKey: String
    /// 0 for the first rung (`min_epochs`), then 1, 2...
    public var rung: Int
    /// The rung's epoch.
    public var epoch: Int
    /// The trial's value there: the best of its metric over epochs 1…epoch.
    public var value: Double
    public var promoted: Bool
    /// 1-based rank among the competitors (ties by trial order).
    public var rank: Int
    public var competitors: Int
    /// The attempt that reached the rung.
    public var runId: Int64?

    public init(sweep: String, trialKey: String, rung: Int, epoch: Int, value: Double, promoted: Bool,
                rank: Int, competitors: Int, runId: Int64?) {
        self.sweep = sweep
        self.trialKey = trialKey
        self.rung = rung
        self.epoch = epoch
        self.value = value
        self.promoted = promoted
        self.rank = rank
        self.competitors = competitors
        self.runId = runId
    }
}

extension RungDecision: FetchableRecord {
    public init(row: Row) throws {
        sweep = row["sweep"]
        trialKey = row["trial_key"]
        rung = row["rung"]
        epoch = row["epoch"]
        value = row["value"] ?? .nan
        let decision: String = row["decision"]
        promoted = decision == "promoted"
        rank = row["rank"]
        competitors = row["competitors"]
        runId = row["run_id"]
    }
}
