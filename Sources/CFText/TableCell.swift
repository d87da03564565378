import CFCore

/// One value of a `Table`: text, a whole number, a number, a mean ± deviation, or nothing.
public enum TableCell: Equatable, Sendable {
    case text(String)
    /// A yes/no value (a config flag): `true`/`false` as text, a JSON boolean.
    case flag(Bool)
    case integer(Int)
    /// A number, shown in `style` by the formats people read (nil: the column's style).
    case number(Double, style: NumberStyle?)
    /// A mean ± sample standard deviation over runs; the deviation is nil for one run.
    case summary(mean: Double?, deviation: Double?)
    /// No value: `-` for people, an empty CSV field, `null` in JSON.
    case missing

    /// A number with `decimals` fixed decimals (nil: the column's style), or missing.
    public static func number(_ value: Double?, decimals: Int? = nil) -> TableCell {
        guard let value else { return .missing }
        return .number(value, style: decimals.map(NumberStyle.fixed))
    }

    /// A single-precision value, kept as the decimal Swift prints for it (`0.1`, not
    /// `0.10000000149011612`), which reads back as the same `Float`.
    public static func number(float value: Float, decimals: Int? = nil) -> TableCell {
        .number(value.isFinite ? Double("\(value)") ?? Double(value) : Double(value), decimals: decimals)
    }

    /// A config or JSON value: strings as text, numbers as numbers, null or nil as missing.
    public init(_ value: JSONValue?) {
        switch value {
        case nil, .null?: self = .missing
        case let .bool(flag)?: self = .flag(flag)
        case let .int(number)?: self = .integer(Int(number))
        case let .double(number)?: self = .number(number, style: nil)
        case let .string(text)?: self = .text(text)
        case let value?: self = .text(value.compact)
        }
    }

    /// The cell as people read it, numbers in `style` unless the cell has its own.
    public func text(style: NumberStyle?, plusMinus: String = "±") -> String {
        switch self {
        case let .text(text): return text
        case let .flag(flag): return flag ? "true" : "false"
        case let .integer(value): return String(value)
        case let .number(value, own): return (own ?? style ?? .standard).text(value)
        case let .summary(mean, deviation):
            let shown = style ?? .standard
            guard let mean else { return "-" }
            guard let deviation else { return shown.text(mean) }
            return shown.text(mean) + " \(plusMinus) " + shown.text(deviation)
        case .missing: return "-"
        }
    }

    /// The CSV fields of the cell, in full: one, or two (mean, deviation) for a summary.
    var csvFields: [String] {
        switch self {
        case let .text(text): return [text]
        case let .flag(flag): return [flag ? "true" : "false"]
        case let .integer(value): return [String(value)]
        case let .number(value, _): return ["\(value)"]
        case let .summary(mean, deviation): return [mean.map { "\($0)" } ?? "", deviation.map { "\($0)" } ?? ""]
        case .missing: return [""]
        }
    }

    /// The cell as a JSON value, numbers in full; a summary is `{"mean": …, "std": …}`.
    public var json: JSONValue {
        switch self {
        case let .text(text): return .string(text)
        case let .flag(flag): return .bool(flag)
        case let .integer(value): return .int(Int64(value))
        case let .number(value, _): return .double(value)
        case let .summary(mean, deviation):
            return .object([("mean", mean.map(JSONValue.double) ?? .null), ("std", deviation.map(JSONValue.double) ?? .null)])
        case .missing: return .null
        }
    }

    /// Whether the cell is a summary (which CSV writes as two fields).
    var isSummary: Bool {
        if case .summary = self { return true }
        return false
    }

    /// Whether the cell reads as a number, so that an automatic column aligns right.
    var looksNumeric: Bool {
        switch self {
        case .integer, .number, .summary, .missing: return true
        case let .text(text): return text == "-" || Double(text) != nil
        case .flag: return false
        }
    }
}
