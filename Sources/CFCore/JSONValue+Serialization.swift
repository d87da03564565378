import Foundation

extension JSONValue {
    /// Compact JSON with keys sorted by their UTF-8 bytes: the form that is hashed.
    public var canonical: String {
        var out = ""
        write(into: &out, sortKeys: true)
        return out
    }

    /// Compact JSON with keys in insertion order, for one-line output such as JSON Lines.
    public var compact: String {
        var out = ""
        write(into: &out, sortKeys: false)
        return out
    }

    /// The SHA-256 of the canonical form.
    public var canonicalDigest: String {
        Digest.sha256Hex(canonical)
    }

    private func write(into out: inout String, sortKeys: Bool) {
        switch self {
        case .null: out += "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .int(value): out += String(value)
        case let .double(value): out += Self.format(value)
        case let .string(text): Self.writeString(text, into: &out)
        case let .array(items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out, sortKeys: sortKeys)
            }
            out += "]"
        case let .object(pairs):
            let ordered = sortKeys ? pairs.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) } : pairs
            out += "{"
            for (index, pair) in ordered.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(pair.0, into: &out)
                out += ":"
                pair.1.write(into: &out, sortKeys: sortKeys)
            }
            out += "}"
        }
    }

    /// Shortest round-trip decimal; non-finite numbers become strings, which JSON lacks.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "\"NaN\"" }
        if value.isInfinite { return value > 0 ? "\"Infinity\"" : "\"-Infinity\"" }
        if value == 0 { return "0.0" }
        return "\(value)"
    }

    static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // C0, DEL and C1 as \u escapes: JSON stays plain text on a terminal.
            case let c where c.value < 0x20 || (0x7F...0x9F).contains(c.value):
                out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// JSON text that cannot be parsed.
public enum JSONValueError: Error, CustomStringConvertible, Equatable {
    case syntax(offset: Int, String)

    public var description: String {
        switch self {
        case let .syntax(offset, reason): return "invalid JSON at byte \(offset): \(reason)"
        }
    }
}
