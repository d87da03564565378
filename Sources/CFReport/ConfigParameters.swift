import CFCore

/// The display text of config values (the leaves of `JSONValue.leaves`) in tables and charts.
public enum ConfigParameters {
    /// A value as a chart label: strings bare, numbers in shortest form, `-` for null
    /// (tables show config values through `TableCell`).
    public static func display(_ value: JSONValue?) -> String {
        guard let value else { return "-" }
        switch value {
        case .null: return "-"
        case let .bool(flag): return flag ? "true" : "false"
        case let .int(number): return "\(number)"
        case let .double(number): return number.isFinite ? "\(number)" : "\(number)"
        case let .string(text): return text
        case .array, .object: return value.compact
        }
    }
}
