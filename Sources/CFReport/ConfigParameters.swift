import CFCore

/// The leaves of a resolved config as dotted keys, in document order, and their display text.
public enum ConfigParameters {
    /// Every leaf of `config` (objects flattened to `a.b.c`; arrays kept whole).
    public static func leaves(of config: JSONValue) -> [(key: String, value: JSONValue)] {
        var out: [(key: String, value: JSONValue)] = []
        collect(config, prefix: "", into: &out)
        return out
    }

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

    private static func collect(_ value: JSONValue, prefix: String, into out: inout [(key: String, value: JSONValue)]) {
        if case let .object(pairs) = value, !pairs.isEmpty {
            for (key, child) in pairs {
                collect(child, prefix: prefix.isEmpty ? key : prefix + "." + key, into: &out)
            }
        } else if !prefix.isEmpty {
            out.append((prefix, value))
        }
    }
}
