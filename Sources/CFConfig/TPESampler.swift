import CFCore
import Foundation

/// One point a TPE sweep has tried: its swept values and how it scored.
public struct TPEObservation: Equatable, Sendable {
    /// One value per sweep parameter, in `sweep.parameters` order.
    public var values: [JSONValue]
    /// The objective (lower is better): the metric at the best epoch, mean over seeds.
    /// +∞ for a point that diverged.
    public var loss: Double
    /// For a pruned point, the last epoch it trained; nil when it trained to the end.
    public var prunedAt: Int?

    public init(values: [JSONValue], loss: Double, prunedAt: Int? = nil) {
        self.values = values
        self.loss = loss
        self.prunedAt = prunedAt
    }
}

/// The tree-structured Parzen estimator of Bergstra et al. (2011), univariate, as
/// Optuna's default `TPESampler` does it.
///
/// The observations are ordered best first: points trained to the end by loss, then
/// pruned points by the epoch they reached (later first) and their loss, ties by trial
/// order. The first n_good = min(⌈γ·n⌉, 25) are "good" and the rest "bad". For each
/// parameter on its own, l(x) is the `ParzenEstimator` of the good values and g(x) that
/// of the bad ones; `candidates` draws from l are scored by log l(x) − log g(x), and the
/// highest score (the first among equals) is proposed.
public struct TPESampler: Sendable {
    public let parameters: [SweepParameter]
    public let settings: TPESettings

    public init(parameters: [SweepParameter], settings: TPESettings) {
        self.parameters = parameters
        self.settings = settings
    }

    /// The next point, given every observation so far (in trial order).
    public func propose(after history: [TPEObservation], using generator: inout Xoshiro256StarStar) -> [JSONValue] {
        let order = history.indices.sorted { Self.ranks(history[$0], $0, before: history[$1], $1) }
        let goodCount = settings.goodCount(of: history.count)
        let good = Set(order.prefix(goodCount))
        return parameters.enumerated().map { position, parameter in
            let domain = Self.estimatorDomain(parameter.domain)
            let coded = history.map { Self.code($0.values[position], in: parameter.domain) }
            let below = history.indices.filter { good.contains($0) }.map { coded[$0] }
            let above = history.indices.filter { !good.contains($0) }.map { coded[$0] }
            let l = ParzenEstimator(observations: below, domain: domain, priorWeight: settings.priorWeight)
            let g = ParzenEstimator(observations: above, domain: domain, priorWeight: settings.priorWeight)
            var best = (score: -Double.infinity, value: 0.0)
            for draw in 0..<settings.candidates {
                let candidate = l.sample(using: &generator)
                let score = l.logDensity(candidate) - g.logDensity(candidate)
                if draw == 0 || score > best.score { best = (score, candidate) }
            }
            return Self.decode(best.value, in: parameter.domain)
        }
    }

    /// Whether observation `a` (trial `i`) ranks before `b` (trial `j`).
    static func ranks(_ a: TPEObservation, _ i: Int, before b: TPEObservation, _ j: Int) -> Bool {
        let keyA = (a.prunedAt == nil ? 0 : 1, -(a.prunedAt ?? 0)), keyB = (b.prunedAt == nil ? 0 : 1, -(b.prunedAt ?? 0))
        if keyA != keyB { return keyA < keyB }
        if a.loss != b.loss { return a.loss < b.loss || b.loss.isNaN }
        return i < j
    }

    /// The estimator's view of a sweep domain: a value list is categorical.
    static func estimatorDomain(_ domain: SweepParameter.Domain) -> ParzenEstimator.Domain {
        switch domain {
        case let .values(values): return .categorical(count: values.count)
        case let .range(low, high, log, integer):
            guard integer else { return .float(low: low, high: high, log: log) }
            return .integer(low: Int(low.rounded(.up)), high: Int(high.rounded(.down)), log: log)
        }
    }

    /// A swept value as the estimator's number: its index in a value list, else the number.
    static func code(_ value: JSONValue, in domain: SweepParameter.Domain) -> Double {
        switch domain {
        case let .values(values): return Double(values.firstIndex(of: value) ?? 0)
        case .range: return value.doubleValue ?? 0
        }
    }

    /// The swept value of an estimator's number.
    static func decode(_ number: Double, in domain: SweepParameter.Domain) -> JSONValue {
        switch domain {
        case let .values(values): return values[min(max(Int(number), 0), values.count - 1)]
        case let .range(_, _, _, integer): return integer ? .int(Int64(number)) : .double(number)
        }
    }
}
