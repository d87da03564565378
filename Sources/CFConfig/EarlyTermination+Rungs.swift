/// One trial's standing at a rung: its position in trial order and its value there.
public struct RungEntry: Equatable, Sendable {
    public var trial: Int
    /// The best (lowest) metric over epochs 1…rung; NaN ranks last.
    public var value: Double

    public init(trial: Int, value: Double) {
        self.trial = trial
        self.value = value
    }
}

/// What a rung decides for one trial.
public struct RungVerdict: Equatable, Sendable {
    public var promoted: Bool
    /// 1-based rank among `competitors`, ties broken by trial order.
    public var rank: Int
    public var competitors: Int
    /// How many of them go on: max(1, ⌊competitors/η⌋).
    public var kept: Int
}

extension EarlyTermination {
    /// Which trials compete with `trial` at a rung: every trial for successive halving,
    /// the trials up to and including `trial` (in trial order) for asha.
    public func competes(_ other: Int, with trial: Int) -> Bool {
        kind == .successiveHalving || other <= trial
    }

    /// The verdict of `trial` among `entries` (the competitors that reached the rung,
    /// `trial` included): it goes on when it ranks within the best max(1, ⌊n/η⌋).
    ///
    /// This is Optuna's rule for both kinds (its ASHA promotes the best of fewer than η
    /// too); what differs is who competes (`competes`). Successive halving with every
    /// trial competing keeps the same ⌊n/η⌋ trials whoever asks.
    public func verdict(for trial: Int, among entries: [RungEntry]) -> RungVerdict {
        let ordered = entries.sorted { Self.ranksBefore($0, $1) }
        let kept = max(1, entries.count / eta)
        let rank = (ordered.firstIndex { $0.trial == trial } ?? ordered.count) + 1
        return RungVerdict(promoted: rank <= kept, rank: rank, competitors: entries.count, kept: kept)
    }

    /// Lower values first, NaN last, ties by trial order.
    static func ranksBefore(_ a: RungEntry, _ b: RungEntry) -> Bool {
        if a.value.isNaN != b.value.isNaN { return b.value.isNaN }
        if a.value != b.value, !a.value.isNaN { return a.value < b.value }
        return a.trial < b.trial
    }

    /// The value of a curve at rung epoch `epoch`: the lowest of its first `epoch` values
    /// (NaN when every one is NaN); nil when the curve is shorter.
    public static func rungValue(_ curve: [Double], epoch: Int) -> Double? {
        guard curve.count >= epoch else { return nil }
        return curve.prefix(epoch).filter { !$0.isNaN }.min() ?? .nan
    }
}
