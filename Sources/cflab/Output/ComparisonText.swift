import CFExperiment
import CFText
import Foundation

/// A reproduction's comparison as terminal text: the per-epoch table and the differing values.
enum ComparisonText {
    /// One row per epoch: `=` for bitwise equal, the relative difference otherwise (`!` when
    /// outside the rule), and the row's verdict.
    static func table(_ comparison: MetricComparison) -> Table {
        var table = Table(columns: (["epoch"] + comparison.metrics + ["verdict"]).map { TableColumn($0) })
        for row in comparison.rows {
            let cells = row.cells.map { cell -> String in
                switch cell {
                case .same: return "="
                case let .relative(value, accepted): return String(format: "%.1e", value) + (accepted ? "" : " !")
                case .missing: return "missing !"
                case .absent: return ""
                }
            }
            table.append(([row.label] + cells + [row.verdict.rawValue]).map(TableCell.text))
        }
        return table
    }

    /// Lines describing the values that differ, at most `limit` of them.
    static func details(_ differences: [MetricComparison.Difference], limit: Int = 20) -> [String] {
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
