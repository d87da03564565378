import CFCore
import Yams

/// A YAML node with the location it was written at, the tree every config is read from.
///
/// Scalars are resolved with YAML 1.2 core rules (null, true/false, integers, floats,
/// otherwise strings; quoted scalars are always strings) and keep their source text
/// for error messages.
struct MarkedNode: Sendable {
    /// One `key: value` pair of a mapping, with the key's own location.
    struct Entry: Sendable {
        var key: String
        var keyLocation: ConfigLocation
        var value: MarkedNode
    }

    enum Content: Sendable {
        case scalar(JSONValue, text: String)
        case mapping([Entry])
        case sequence([MarkedNode])
    }

    var content: Content
    var location: ConfigLocation

    /// The entries when this is a mapping.
    var entries: [Entry]? {
        if case let .mapping(entries) = content { return entries }
        return nil
    }

    /// The value at `key` when this is a mapping.
    subscript(key: String) -> MarkedNode? {
        entries?.first { $0.key == key }?.value
    }

    /// The entry at `key` when this is a mapping.
    func entry(_ key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// How the node reads in an error message: `'abc'`, `a list` or `a mapping`.
    var shortDescription: String {
        switch content {
        case .scalar(.null, _): return "null"
        case let .scalar(_, text): return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// The node as plain JSON (locations dropped).
    var json: JSONValue {
        switch content {
        case let .scalar(value, _): return value
        case let .mapping(entries): return .object(entries.map { ($0.key, $0.value.json) })
        case let .sequence(items): return .array(items.map(\.json))
        }
    }

    /// A node holding `value`, every part located at `location`.
    init(json value: JSONValue, at location: ConfigLocation) {
        self.location = location
        switch value {
        case let .array(items):
            content = .sequence(items.map { MarkedNode(json: $0, at: location) })
        case let .object(pairs):
            content = .mapping(pairs.map {
                Entry(key: $0.0, keyLocation: location, value: MarkedNode(json: $0.1, at: location))
            })
        case let .string(text):
            content = .scalar(value, text: text)
        default:
            content = .scalar(value, text: value.compact)
        }
    }

    init(content: Content, location: ConfigLocation) {
        self.content = content
        self.location = location
    }

    /// An empty mapping at `location`.
    static func emptyMapping(at location: ConfigLocation) -> MarkedNode {
        MarkedNode(content: .mapping([]), location: location)
    }
}
