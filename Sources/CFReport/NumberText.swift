import CFText
import Foundation

/// Fixed, locale-free number formatting, so that one store always prints the same bytes.
public enum NumberText {
    /// `value` with exactly `decimals` decimals; `-` for nil, `nan`/`inf` spelled out.
    public static func fixed(_ value: Double?, decimals: Int) -> String {
        value.map(NumberStyle.fixed(decimals).text) ?? "-"
    }

    /// A p-value: four decimals, or `< 0.0001`.
    public static func pValue(_ value: Double) -> String {
        value < 0.0001 ? "< 0.0001" : fixed(value, decimals: 4)
    }

    /// A number for a .dat file or gnuplot: `%.9g`, `NaN` for missing values.
    public static func data(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "NaN" }
        return String(format: "%.9g", value)
    }
}
