import Foundation

/// Student's t distribution: its CDF through the regularised incomplete beta function.
///
/// For ν degrees of freedom, P(T ≤ t) = 1 − ½·I_x(ν/2, ½) with x = ν / (ν + t²) for
/// t ≥ 0, and ½·I_x(ν/2, ½) for t < 0. I_x(a, b) is evaluated by its continued fraction
/// (modified Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it converges
/// faster.
public enum StudentT {
    /// P(T ≤ t) for `degreesOfFreedom` ν > 0.
    public static func cdf(_ t: Double, degreesOfFreedom: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 1 : (t < 0 ? 0 : .nan) }
        let x = degreesOfFreedom / (degreesOfFreedom + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: degreesOfFreedom / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The two-sided p-value P(|T| ≥ |t|).
    public static func twoSidedPValue(_ t: Double, degreesOfFreedom: Double) -> Double {
        guard !t.isNaN else { return .nan }
        let x = degreesOfFreedom / (degreesOfFreedom + t * t)
        return min(1, regularizedIncompleteBeta(x, a: degreesOfFreedom / 2, b: 0.5))
    }

    /// The t with P(T ≤ t) = `probability`, found by bisection on the CDF.
    public static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        guard probability > 0, probability < 1 else { return probability <= 0 ? -.infinity : .infinity }
        var low = -1.0, high = 1.0
        while cdf(low, degreesOfFreedom: degreesOfFreedom) > probability { low *= 2 }
        while cdf(high, degreesOfFreedom: degreesOfFreedom) < probability { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if cdf(middle, degreesOfFreedom: degreesOfFreedom) < probability { low = middle } else { high = middle }
            if high - low < 1e-13 { break }
        }
        return (low + high) / 2
    }

    /// The regularised incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logNormaliser: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logNormaliser + logPowers
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    /// The continued fraction of I_x(a, b) (Numerical Recipes' betacf), by modified Lentz.
    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let step = Double(m), twice = 2 * Double(m)
            var numerator = step * (b - step) * x / ((a + twice - 1) * (a + twice))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            numerator = -(a + step) * (a + b + step) * x / ((a + twice) * (a + twice + 1))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return result
    }
}
