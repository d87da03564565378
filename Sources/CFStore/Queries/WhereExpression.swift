/// The parsed form of a `--where` expression: comparisons joined by `and`, `or`, `not`.
public indirect enum WhereExpression: Equatable, Sendable {
    case and(WhereExpression, WhereExpression)
    case or(WhereExpression, WhereExpression)
    case not(WhereExpression)
    /// `field op value`, or `field in (values)` with `op` "in".
    case comparison(field: String, operator: String, values: [WhereLiteral])

    /// Every field name the expression compares, in order (repeats kept).
    public var fields: [String] {
        switch self {
        case let .and(left, right), let .or(left, right): return left.fields + right.fields
        case let .not(inner): return inner.fields
        case let .comparison(field, _, _): return [field]
        }
    }
}

/// A literal of a `--where` expression, typed the way `run_params` types values.
public enum WhereLiteral: Equatable, Sendable {
    case integer(Int64)
    case real(Double)
    case text(String)
    case boolean(Bool)
    case null

    /// A bare word: `true`, `false` and `null` are those values, anything else is text.
    static func word(_ text: String) -> WhereLiteral {
        switch text.lowercased() {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "null": return .null
        default: return .text(text)
        }
    }

    /// A number token: an integer when it has no `.` or exponent, else a real.
    static func number(_ text: String) -> WhereLiteral {
        if let integer = Int64(text) { return .integer(integer) }
        return .real(Double(text) ?? .nan)
    }
}
