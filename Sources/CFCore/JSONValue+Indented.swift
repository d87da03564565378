extension JSONValue {
    /// Indented JSON in insertion order, for documents people read.
    ///
    /// The top level and its children open one entry per line when they hold arrays or
    /// objects; anything deeper, and every list of scalars, stays on one line with a space
    /// after each `:` and `,`, so that a table prints one row object per line:
    /// `{"id": "10", "mean_rating": 4.358}`.
    public var indented: String {
        Self.indented(self, depth: 0, indent: "")
    }

    private static func indented(_ value: JSONValue, depth: Int, indent: String) -> String {
        let inner = indent + "  "
        guard depth < 2 else { return inline(value) }
        switch value {
        case let .array(items) where items.contains(where: \.isContainer):
            return "[\n" + items.map { inner + indented($0, depth: depth + 1, indent: inner) }.joined(separator: ",\n")
                + "\n\(indent)]"
        case let .object(pairs) where pairs.contains(where: { $0.1.isContainer }):
            return "{\n" + pairs.map { inner + JSONValue.string($0.0).compact + ": " + indented($0.1, depth: depth + 1, indent: inner) }
                .joined(separator: ",\n") + "\n\(indent)}"
        default:
            return inline(value)
        }
    }

    /// One line: `[1, 2]`, `{"a": 1, "b": {"c": null}}`.
    private static func inline(_ value: JSONValue) -> String {
        switch value {
        case let .array(items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case let .object(pairs):
            return "{" + pairs.map { JSONValue.string($0.0).compact + ": " + inline($0.1) }.joined(separator: ", ") + "}"
        default: return value.compact
        }
    }

    /// Whether this is an array or an object.
    private var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }
}
