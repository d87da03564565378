import Foundation

/// How the formats people read show a number; CSV and JSON always write it in full.
public enum NumberStyle: Equatable, Sendable {
    /// Exactly this many decimals: `0.9200`.
    case fixed(Int)
    /// Rounded to this many significant digits, then written in Swift's shortest form:
    /// 0.0031622776601683794 → `0.003162`, 0.3 → `0.3`, 0.0 → `0.0`.
    case significant(Int)
    /// Scientific notation with this many decimals: `7.57e-03`.
    case scientific(Int)

    /// The style of a number whose column chose none: 4 significant digits.
    public static let standard = NumberStyle.significant(4)

    /// `value` in this style; `nan`, `inf` and `-inf` spelled out, and never a negative zero.
    public func text(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        switch self {
        case let .fixed(decimals):
            return Self.unsigned(String(format: "%.\(max(decimals, 0))f", value))
        case let .significant(digits):
            let rounded = Double(String(format: "%.\(max(digits, 1))g", value)) ?? value
            return rounded == 0 ? "0.0" : "\(rounded)"
        case let .scientific(decimals):
            return Self.unsigned(String(format: "%.\(max(decimals, 0))e", value))
        }
    }

    /// `-0.00` as `0.00`: a value that rounds to zero has no sign.
    private static func unsigned(_ text: String) -> String {
        text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }
}
