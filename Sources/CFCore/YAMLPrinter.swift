/// Prints a JSON value as block-style YAML: stable, readable, and parsed back unchanged.
///
/// Mappings nest by two spaces; lists of scalars (and empty collections) are written in
/// flow style (`[0.9, 0.99]`); strings are double-quoted only when they would otherwise
/// read as another type or contain YAML punctuation.
public enum YAMLPrinter {
    public static func print(_ value: JSONValue) -> String {
        var lines: [String] = []
        write(value, indent: "", into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func write(_ value: JSONValue, indent: String, into lines: inout [String]) {
        switch value {
        case let .object(pairs) where !pairs.isEmpty:
            for (key, child) in pairs {
                if isBlock(child) {
                    lines.append("\(indent)\(scalar(.string(key))):")
                    write(child, indent: indent + "  ", into: &lines)
                } else {
                    lines.append("\(indent)\(scalar(.string(key))): \(inline(child))")
                }
            }
        case let .array(items) where isBlock(value):
            for item in items {
                var nested: [String] = []
                write(item, indent: indent + "  ", into: &nested)
                guard let first = nested.first else { continue }
                lines.append(indent + "- " + first.dropFirst(indent.count + 2))
                lines += nested.dropFirst()
            }
        default:
            lines.append(indent + inline(value))
        }
    }

    /// Non-empty mappings, and lists holding mappings or lists, print as blocks.
    private static func isBlock(_ value: JSONValue) -> Bool {
        switch value {
        case let .object(pairs): return !pairs.isEmpty
        case let .array(items): return items.contains { $0.objectValue != nil || $0.arrayValue != nil }
        default: return false
        }
    }

    private static func inline(_ value: JSONValue) -> String {
        switch value {
        case let .array(items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case let .object(pairs):
            return "{" + pairs.map { "\(scalar(.string($0.0))): \(inline($0.1))" }.joined(separator: ", ") + "}"
        default: return scalar(value)
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        guard case let .string(text) = value else { return value.compact }
        let special = text.contains { ":#{}[],&*!|>'\"%@`\\\n\t".contains($0) }
        let ambiguous = YAMLScalar.resolve(plain: text) != .string(text) || text.hasPrefix("-") || text.hasPrefix("?")
        let padded = text.first == " " || text.last == " "
        return special || ambiguous || padded ? value.compact : text
    }
}
