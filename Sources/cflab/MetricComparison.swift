import CFText
import CFTraining
import Foundation

/// Compares the stored metrics of a run with those of its reproduction, epoch by epoch.
///
/// Every stored metric except timings (`seconds`, `ratings_per_second`) is compared.
/// - `exact` (same build id): values must be bitwise equal (NaN payloads included).
/// - otherwise: |a − b| ≤ `relativeTolerance` · max(|a|, |b|), and values within 1e-12
///   of each other count as equal, so that metrics at zero compare sanely.
struct MetricComparison {
    /// The documented tolerance between different builds.
    static let relativeTolerance = 1e-6

    struct Difference {
        let epoch: String
        let metric: String
        let stored: Double?
        let reproduced: Double?
        let relative: Double
    }

    let exact: Bool
    private(set) var table: Table
    private(set) var differences: [Difference] = []
    private(set) var comparedValues = 0

    init(stored: [(label: String, metrics: [String: Double])], reproduced: [(label: String, metrics: [String: Double])], exact: Bool) {
        self.exact = exact
        let names = Set(stored.flatMap { $0.metrics.keys }).subtracting(MetricName.timings).sorted()
        table = Table(columns: (["epoch"] + names + ["verdict"]).map { TableColumn($0) })
        let reproducedByLabel = Dictionary(reproduced.map { ($0.label, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        let labels = stored.map(\.label) + reproduced.map(\.label).filter { label in !stored.contains { $0.label == label } }
        let storedByLabel = Dictionary(stored.map { ($0.label, $0.metrics) }, uniquingKeysWith: { first, _ in first })
        for label in labels {
            let old = storedByLabel[label], new = reproducedByLabel[label]
            var cells = [label]
            var worst = "same"
            for name in names {
                let a = old?[name], b = new?[name]
                guard a != nil || b != nil else { cells.append(""); continue }
                comparedValues += 1
                let (equal, relative) = compare(a, b)
                if a?.bitPattern == b?.bitPattern, a != nil, b != nil {
                    cells.append("=")
                } else {
                    cells.append(relative.isFinite ? String(format: "%.1e", relative) + (equal ? "" : " !") : "missing !")
                    if equal { if worst == "same" { worst = "within" } } else { worst = "DIFFERS" }
                    if !equal { differences.append(Difference(epoch: label, metric: name, stored: a, reproduced: b, relative: relative)) }
                }
            }
            table.append((cells + [worst]).map(TableCell.text))
        }
    }

    /// Adds the values and differences of another comparison (for example the test part's).
    mutating func include(_ other: MetricComparison) {
        differences += other.differences
        comparedValues += other.comparedValues
    }

    /// Whether two values match under this comparison, and their relative difference.
    private func compare(_ a: Double?, _ b: Double?) -> (Bool, Double) {
        guard let a, let b else { return (false, .infinity) }
        if a.bitPattern == b.bitPattern { return (true, 0) }
        if a.isNaN || b.isNaN { return (false, .nan) }
        let scale = max(abs(a), abs(b))
        let relative = scale > 0 ? abs(a - b) / scale : 0
        if exact { return (false, relative) }
        return (abs(a - b) <= 1e-12 || relative <= Self.relativeTolerance, relative)
    }

    /// Lines describing the values that differ, at most `limit` of them.
    func details(limit: Int = 20) -> [String] {
        func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "missing" }
        var lines = differences.prefix(limit).map { difference in
            "  epoch \(difference.epoch) \(difference.metric): stored \(text(difference.stored)), "
                + "reproduced \(text(difference.reproduced))"
                + (difference.relative.isFinite ? String(format: " (relative %.2e)", difference.relative) : "")
        }
        if differences.count > limit { lines.append("  ... and \(differences.count - limit) more") }
        return lines
    }
}
