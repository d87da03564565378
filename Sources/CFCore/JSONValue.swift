import Foundation

/// A JSON document as a value: what configs, metrics and summaries are serialised through.
///
/// Objects keep insertion order for display (`pretty`), while `canonical` sorts keys,
/// so that a canonical form can be hashed into a trial key.
public indirect enum JSONValue: Equatable, Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into hasher: inout Swift.Hasher) {
        hasher.combine(canonical)
    }

    /// The value for `key` when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// The value at a dotted path such as `model.kind`.
    public func value(atPath path: String) -> JSONValue? {
        var current: JSONValue? = self
        for part in path.split(separator: ".") {
            current = current?[String(part)]
        }
        return current
    }

    /// This value with `key` set (replacing an existing key in place, or appended).
    public func setting(_ key: String, to value: JSONValue) -> JSONValue {
        guard case var .object(pairs) = self else { return .object([(key, value)]) }
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            pairs[index].1 = value
        } else {
            pairs.append((key, value))
        }
        return .object(pairs)
    }

    /// This object without the value at a dotted path (unchanged when the path is absent).
    public func removing(path: String) -> JSONValue {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return removing(parts[0]) }
        guard let child = self[parts[0]] else { return self }
        return setting(parts[0], to: child.removing(path: parts[1]))
    }

    /// This value with the key removed, when it is an object.
    public func removing(_ key: String) -> JSONValue {
        guard case let .object(pairs) = self else { return self }
        return .object(pairs.filter { $0.0 != key })
    }

    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    public var doubleValue: Double? {
        switch self {
        case let .double(value): return value
        case let .int(value): return Double(value)
        default: return nil
        }
    }

    public var intValue: Int64? {
        switch self {
        case let .int(value): return value
        case let .double(value) where value.rounded() == value && abs(value) < 9e15: return Int64(value)
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case let .bool(flag) = self { return flag }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case let .array(items) = self { return items }
        return nil
    }

    public var objectValue: [(String, JSONValue)]? {
        if case let .object(pairs) = self { return pairs }
        return nil
    }
}
