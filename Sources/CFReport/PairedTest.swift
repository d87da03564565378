import CFCore
import Foundation

/// A paired t-test of two configurations over the seeds they share.
///
/// With differences d_s = a_s − b_s over n shared seeds, mean d̄ and sample standard
/// deviation s_d: t = d̄ / (s_d / √n) with n − 1 degrees of freedom, the two-sided
/// p-value is P(|T| ≥ |t|), and the 95% interval is d̄ ± t_{0.975, n−1} · s_d / √n.
public struct PairedTest: Equatable, Sendable {
    /// The number of shared seeds.
    public let count: Int
    /// d̄, the mean of a − b.
    public let meanDifference: Double
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// The 95% confidence interval of the mean difference.
    public let lower: Double
    public let upper: Double

    /// Tests paired samples; nil when there are fewer than 3 pairs.
    public init?(_ first: [Double], _ second: [Double]) {
        let differences = zip(first, second).map { $0 - $1 }
        let n = differences.count
        guard n >= 3 else { return nil }
        let mean = differences.reduce(0, +) / Double(n)
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let standardError = (variance / Double(n)).squareRoot()
        let degrees = Double(n - 1)
        count = n
        meanDifference = mean
        degreesOfFreedom = n - 1
        if standardError > 0 {
            statistic = mean / standardError
            pValue = StudentT.twoSidedPValue(statistic, degreesOfFreedom: degrees)
        } else {
            statistic = mean == 0 ? 0 : (mean > 0 ? .infinity : -.infinity)
            pValue = mean == 0 ? 1 : 0
        }
        let critical = StudentT.quantile(0.975, degreesOfFreedom: degrees)
        lower = mean - critical * standardError
        upper = mean + critical * standardError
    }

    /// Whether the 95% interval covers 0, i.e. the difference is within seed noise.
    public var isWithinNoise: Bool {
        lower <= 0 && upper >= 0
    }
}
