import CFCore
import Foundation

/// A one-parameter Parzen estimator: a weighted mixture of one kernel per observation
/// plus a prior kernel, as Optuna's `_ParzenEstimator` builds it for TPE (univariate).
///
/// Numbers live in the estimator's space t(x): x itself, or log x for a log domain.
/// - **Float** on [a, b] (after t): kernel k is a normal N(μ_k, σ_k) truncated to [a, b],
///   with μ_k the observations and a prior kernel μ = (a + b)/2, σ = b − a. σ_k is the
///   larger gap from μ_k to its neighbours among the sorted μ's (prior included) and the
///   ends a, b; the lowest and highest μ take the gap to their inner neighbour instead
///   (Optuna's `consider_endpoints=False`). Every σ_k is then clipped to
///   [(b − a)/min(100, n + 2), b − a] (the "magic clip"; n observations, n + 1 kernels).
/// - **Integer** on [lo, hi]: the same on [t(lo − ½), t(hi + ½)]; the probability of an
///   integer x is its kernel mass over [t(x − ½), t(x + ½)].
/// - **Categorical** over c choices: kernel k puts w₀/(n + 1) on every choice plus 1 on
///   the observed one, normalised; with w₀ the prior weight. With no observation, uniform.
///
/// Mixture weights are 1 per observation (older observations ramp down linearly from
/// 1/n once there are more than 25, newest 25 at 1), then `priorWeight` for the prior,
/// all divided by their sum.
public struct ParzenEstimator: Sendable {
    /// The domain of the parameter, in the estimator's space.
    public enum Domain: Equatable, Sendable {
        case float(low: Double, high: Double, log: Bool)
        case integer(low: Int, high: Int, log: Bool)
        case categorical(count: Int)
    }

    public let domain: Domain
    /// Mixture weights, prior last, summing to 1.
    public let weights: [Double]
    /// Numeric kernels: centres and widths in the estimator's space (prior last).
    public let mus: [Double]
    public let sigmas: [Double]
    /// Categorical kernels: one probability row per kernel.
    public let choiceRows: [[Double]]

    /// An estimator of `observations` (values in the parameter's own scale; category
    /// indexes for a categorical domain), oldest first.
    public init(observations: [Double], domain: Domain, priorWeight: Double = 1.0) {
        self.domain = domain
        var weights = Self.observationWeights(count: observations.count)
        weights = observations.isEmpty ? [1] : weights + [priorWeight]
        let total = weights.reduce(0, +)
        self.weights = weights.map { $0 / total }
        switch domain {
        case let .categorical(count):
            mus = []
            sigmas = []
            guard !observations.isEmpty else {
                choiceRows = [Array(repeating: 1.0 / Double(count), count: count)]
                return
            }
            let kernels = observations.count + 1
            var rows = Array(repeating: Array(repeating: priorWeight / Double(kernels), count: count), count: kernels)
            for (row, observed) in observations.enumerated() { rows[row][Int(observed)] += 1 }
            choiceRows = rows.map { row in
                let sum = row.reduce(0, +)
                return row.map { $0 / sum }
            }
        case .float, .integer:
            choiceRows = []
            let (low, high) = Self.bounds(domain)
            let centres = observations.map { Self.transform($0, domain) }
            let widths = Self.bandwidths(centres, low: low, high: high)
            mus = centres + [0.5 * (low + high)]
            sigmas = widths + [high - low]
        }
    }

    /// Optuna's `default_weights`: 1 each for up to 25 observations; beyond, a linear
    /// ramp from 1/n for the older n − 25 and 1 for the newest 25.
    static func observationWeights(count: Int) -> [Double] {
        guard count >= 25 else { return Array(repeating: 1, count: count) }
        let rampCount = count - 25
        let start = 1.0 / Double(count)
        let step = rampCount == 1 ? 0 : (1 - start) / Double(rampCount - 1)
        let ramp = (0..<rampCount).map { start + step * Double($0) }
        return ramp + Array(repeating: 1, count: 25)
    }

    /// The kernel widths of `centres` on [low, high] (see the type's documentation).
    static func bandwidths(_ centres: [Double], low: Double, high: Double) -> [Double] {
        let withPrior = centres + [0.5 * (low + high)]
        let order = withPrior.indices.sorted { (withPrior[$0], $0) < (withPrior[$1], $1) }
        let sorted: [Double] = [low] + order.map { withPrior[$0] } + [high]
        var sortedWidths: [Double] = []
        for position in 1..<(sorted.count - 1) {
            let left: Double = sorted[position] - sorted[position - 1]
            let right: Double = sorted[position + 1] - sorted[position]
            sortedWidths.append(max(left, right))
        }
        if sorted.count >= 4 {
            sortedWidths[0] = sorted[2] - sorted[1]
            sortedWidths[sortedWidths.count - 1] = sorted[sorted.count - 2] - sorted[sorted.count - 3]
        }
        var widths = Array(repeating: 0.0, count: withPrior.count)
        for (position, index) in order.enumerated() { widths[index] = sortedWidths[position] }
        let kernels = Double(centres.count + 1)
        let minimum = (high - low) / min(100, 1 + kernels), maximum = high - low
        return widths.prefix(centres.count).map { min(max($0, minimum), maximum) }
    }

    /// The estimator's interval [a, b] of a numeric domain.
    static func bounds(_ domain: Domain) -> (Double, Double) {
        switch domain {
        case let .float(low, high, log): return log ? (Foundation.log(low), Foundation.log(high)) : (low, high)
        case let .integer(low, high, log):
            let (a, b) = (Double(low) - 0.5, Double(high) + 0.5)
            return log ? (Foundation.log(a), Foundation.log(b)) : (a, b)
        case .categorical: return (0, 0)
        }
    }

    static func transform(_ value: Double, _ domain: Domain) -> Double {
        switch domain {
        case let .float(_, _, log), let .integer(_, _, log): return log ? Foundation.log(value) : value
        case .categorical: return value
        }
    }

    /// log p(x) of a value in the parameter's own scale (a category index for categorical).
    public func logDensity(_ value: Double) -> Double {
        switch domain {
        case .categorical:
            let index = Int(value)
            return Self.logSumExp(zip(weights, choiceRows).map { Foundation.log($0) + Foundation.log($1[index]) })
        case let .float(_, _, log):
            let (low, high) = Self.bounds(domain)
            let x = log ? Foundation.log(value) : value
            let terms = (0..<mus.count).map { k -> Double in
                let z = (x - mus[k]) / sigmas[k]
                let mass = Self.normalCDF((high - mus[k]) / sigmas[k]) - Self.normalCDF((low - mus[k]) / sigmas[k])
                return Foundation.log(weights[k]) - 0.5 * z * z - Foundation.log(sigmas[k] * (2 * Double.pi).squareRoot() * mass)
            }
            return Self.logSumExp(terms)
        case let .integer(_, _, log):
            let (low, high) = Self.bounds(domain)
            let lower = log ? Foundation.log(value - 0.5) : value - 0.5
            let upper = log ? Foundation.log(value + 0.5) : value + 0.5
            let terms = (0..<mus.count).map { k -> Double in
                let cdf = { (x: Double) in Self.normalCDF((x - mus[k]) / sigmas[k]) }
                let mass = (cdf(upper) - cdf(lower)) / (cdf(high) - cdf(low))
                return Foundation.log(weights[k]) + Foundation.log(max(mass, 1e-300))
            }
            return Self.logSumExp(terms)
        }
    }

    /// One draw in the parameter's own scale (a category index for categorical): a
    /// kernel by weight, then a value from it (truncated normals by rejection).
    public func sample(using generator: inout Xoshiro256StarStar) -> Double {
        let kernel = Self.pick(weights, using: &generator)
        switch domain {
        case .categorical:
            return Double(Self.pick(choiceRows[kernel], using: &generator))
        case let .float(low, high, log):
            let (a, b) = Self.bounds(domain)
            let x = Self.truncatedNormal(mu: mus[kernel], sigma: sigmas[kernel], low: a, high: b, using: &generator)
            return log ? min(max(Foundation.exp(x), low), high) : x
        case let .integer(low, high, log):
            let (a, b) = Self.bounds(domain)
            let x = Self.truncatedNormal(mu: mus[kernel], sigma: sigmas[kernel], low: a, high: b, using: &generator)
            let value = (log ? Foundation.exp(x) : x).rounded()
            return min(max(value, Double(low)), Double(high))
        }
    }

    /// An index drawn with probability proportional to `weights`.
    static func pick(_ weights: [Double], using generator: inout Xoshiro256StarStar) -> Int {
        let total = weights.reduce(0, +)
        var target = generator.nextDouble() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    /// N(μ, σ) restricted to [low, high], by redrawing (at most 1,000 times, then μ).
    static func truncatedNormal(mu: Double, sigma: Double, low: Double, high: Double,
                                using generator: inout Xoshiro256StarStar) -> Double {
        for _ in 0..<1000 {
            let x = mu + sigma * generator.nextGaussian()
            if x >= low && x <= high { return x }
        }
        return min(max(mu, low), high)
    }

    /// Φ(z), the standard normal distribution function.
    static func normalCDF(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    static func logSumExp(_ terms: [Double]) -> Double {
        guard let top = terms.max(), top.isFinite else { return terms.max() ?? -.infinity }
        return top + Foundation.log(terms.reduce(0) { $0 + Foundation.exp($1 - top) })
    }
}
