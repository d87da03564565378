import CFTraining

/// The stored metrics of a run against those of its reproduction, epoch by epoch, as data.
///
/// Every stored metric except timings (`seconds`, `ratings_per_second`) is compared.
/// - `exact` (same build id): values must be bitwise equal (NaN payloads included).
/// - otherwise: |a − b| ≤ `relativeTolerance` · max(|a|, |b|), and values within 1e-12
///   of each other count as equal, so that metrics at zero compare sanely.
public struct MetricComparison: Sendable {
    /// The documented tolerance between different builds.
    public static let relativeTolerance = 1e-6

    /// One compared value.
    public enum Cell: Equatable, Sendable {
        /// Bitwise equal.
        case same
        /// Not bitwise equal; `accepted` says whether it is within the tolerance.
        case relative(Double, accepted: Bool)
        /// Present on one side only.
        case missing
        /// Absent on both sides.
        case absent
    }

    /// How a row (an epoch, or the test part) compares.
    public enum RowVerdict: String, Sendable {
        case same, within, differs = "DIFFERS"
    }

    public struct Row: Sendable {
        public let label: String
        /// One cell per entry of `metrics`.
        public let cells: [Cell]
        public let verdict: RowVerdict
    }

    public struct Difference: Sendable {
        public let epoch: String
        public let metric: String
        public let stored: Double?
        public let reproduced: Double?
        public let relative: Double
    }

    public let exact: Bool
    /// The compared metric names, sorted.
    public let metrics: [String]
    /// Stored metrics this build no longer computes (`MetricName.retired`), left out.
    public let notCompared: [String]
    public private(set) var rows: [Row] = []
    public private(set) var differences: [Difference] = []
    public private(set) var comparedValues = 0

    public init(
        stored: [(label: String, metrics: [String: Double])], reproduced: [(label: String, metrics: [String: Double])],
        exact: Bool
    ) {
        self.exact = exact
        let storedNames = Set(stored.flatMap { $0.metrics.keys }).subtracting(MetricName.timings)
        let names = storedNames.filter { !MetricName.isRetired($0) }.sorted()
        notCompared = storedNames.filter(MetricName.isRetired).sorted()
        metrics = names
        let storedByLabel = Dictionary(stored.map { ($0.label, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        let reproducedByLabel = Dictionary(reproduced.map { ($0.label, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        let labels = stored.map(\.label) + reproduced.map(\.label).filter { storedByLabel[$0] == nil }
        for label in labels {
            let old = storedByLabel[label], new = reproducedByLabel[label]
            var cells: [Cell] = []
            var verdict = RowVerdict.same
            for name in names {
                let a = old?[name], b = new?[name]
                guard a != nil || b != nil else { cells.append(.absent); continue }
                comparedValues += 1
                let (equal, relative) = Self.compare(a, b, exact: exact)
                if let a, let b, a.bitPattern == b.bitPattern {
                    cells.append(.same)
                    continue
                }
                cells.append(relative.isFinite ? .relative(relative, accepted: equal) : .missing)
                if equal {
                    if verdict == .same { verdict = .within }
                } else {
                    verdict = .differs
                    differences.append(Difference(epoch: label, metric: name, stored: a, reproduced: b, relative: relative))
                }
            }
            rows.append(Row(label: label, cells: cells, verdict: verdict))
        }
    }

    /// Adds the values and differences of another comparison (for example the test part's).
    public mutating func include(_ other: MetricComparison) {
        differences += other.differences
        comparedValues += other.comparedValues
    }

    /// Whether two values match, and their relative difference.
    static func compare(_ a: Double?, _ b: Double?, exact: Bool) -> (Bool, Double) {
        guard let a, let b else { return (false, .infinity) }
        if a.bitPattern == b.bitPattern { return (true, 0) }
        if a.isNaN || b.isNaN { return (false, .nan) }
        let scale = max(abs(a), abs(b))
        let relative = scale > 0 ? abs(a - b) / scale : 0
        if exact { return (false, relative) }
        return (abs(a - b) <= 1e-12 || relative <= relativeTolerance, relative)
    }
}
