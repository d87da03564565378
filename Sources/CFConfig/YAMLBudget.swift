// CYaml is the libyaml build that Yams wraps (a target of the Yams package, reached
// through the Yams product). Its event parser is iterative and never expands aliases,
// which is what a check that must run before `Yams.compose` needs.
import CYaml

/// Checks the shape of a YAML document before it is composed, in one pass over its events.
///
/// `Yams.compose` expands every alias and recurses once per nesting level, so a 500-byte
/// "billion laughs" file costs gigabytes and a deeply nested one overflows the stack.
/// This pass keeps, for every anchor, the size and height of its subtree with aliases
/// already expanded, so it counts what composing would build without building it, and
/// stops at the first node past `ConfigLimits.maximumDepth`,
/// `ConfigLimits.maximumAliasNodes` or `ConfigLimits.maximumDocumentNodes`, or at the
/// first explicit tag (`!!python/object`, `!!str`, `!custom`), which cflab never needs.
/// Malformed YAML passes through, so that `Yams.compose` reports it with its own words.
struct YAMLBudget {
    /// What the pass counted, for tests and for the messages.
    struct Counts: Equatable {
        /// Nodes in the document, aliases expanded.
        var nodes = 0
        /// Nodes that aliases added.
        var aliasNodes = 0
        /// Deepest nesting of mappings and lists, aliases expanded.
        var depth = 0
    }

    /// One open mapping or list: its anchor, and the size and height of what it holds so far.
    private struct Open {
        var anchor: String?
        var nodes = 1
        var height = 1
    }

    private(set) var counts = Counts()
    private var stack: [Open] = []
    private var anchors: [String: (nodes: Int, height: Int)] = [:]

    /// The counts of `yaml`, or a `ConfigError` at the first node past a limit.
    /// `locate` turns a 1-based line and column into the issue's location.
    static func check(_ yaml: String, locate: (Int, Int) -> ConfigLocation) throws -> Counts {
        var budget = YAMLBudget()
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return budget.counts }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return budget.counts }
        return try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let mark = (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                if event.type == YAML_STREAM_END_EVENT { break }
                if let issue = budget.visit(event) {
                    throw ConfigError(locate(mark.0, mark.1), "", issue)
                }
            }
            return budget.counts
        }
    }

    /// Counts one event; the message of the limit it breaks, if any.
    private mutating func visit(_ event: yaml_event_t) -> String? {
        switch event.type {
        case YAML_SCALAR_EVENT:
            if let tag = Self.text(event.data.scalar.tag) { return Self.tagMessage(tag) }
            if let message = count(1, depth: stack.count) { return message }
            attach(nodes: 1, height: 0)
            if let anchor = Self.text(event.data.scalar.anchor) { anchors[anchor] = (1, 0) }
            return nil
        case YAML_SEQUENCE_START_EVENT:
            if let tag = Self.text(event.data.sequence_start.tag) { return Self.tagMessage(tag) }
            return open(anchor: Self.text(event.data.sequence_start.anchor))
        case YAML_MAPPING_START_EVENT:
            if let tag = Self.text(event.data.mapping_start.tag) { return Self.tagMessage(tag) }
            return open(anchor: Self.text(event.data.mapping_start.anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = stack.popLast() else { return nil }
            if let anchor = closed.anchor { anchors[anchor] = (closed.nodes, closed.height) }
            attach(nodes: closed.nodes, height: closed.height)
            return nil
        case YAML_ALIAS_EVENT:
            // An undefined alias is left for the composer to report.
            guard let name = Self.text(event.data.alias.anchor), let subtree = anchors[name] else { return nil }
            counts.aliasNodes += subtree.nodes
            if counts.aliasNodes > ConfigLimits.maximumAliasNodes {
                return "aliases expand to more than \(ConfigLimits.maximumAliasNodes) nodes (at *\(name)); "
                    + "write the values out instead of nesting aliases"
            }
            if let message = count(subtree.nodes, depth: stack.count + subtree.height) { return message }
            attach(nodes: subtree.nodes, height: subtree.height)
            return nil
        default:
            return nil
        }
    }

    private mutating func open(anchor: String?) -> String? {
        if let message = count(1, depth: stack.count + 1) { return message }
        stack.append(Open(anchor: anchor))
        return nil
    }

    /// Counts `nodes` new nodes reaching `depth` levels of nesting, checking both limits.
    private mutating func count(_ nodes: Int, depth: Int) -> String? {
        counts.nodes += nodes
        counts.depth = max(counts.depth, depth)
        if counts.nodes > ConfigLimits.maximumDocumentNodes {
            return "the document has more than \(ConfigLimits.maximumDocumentNodes) nodes (aliases expanded); "
                + "an experiment file needs a few hundred"
        }
        if depth > ConfigLimits.maximumDepth {
            return "nesting is deeper than \(ConfigLimits.maximumDepth) levels; an experiment file needs five at most"
        }
        return nil
    }

    /// Adds a finished subtree (`height` levels of mappings and lists; 0 for a scalar)
    /// to the collection that holds it.
    private mutating func attach(nodes: Int, height: Int) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].nodes += nodes
        stack[stack.count - 1].height = max(stack[stack.count - 1].height, height + 1)
    }

    private static func tagMessage(_ tag: String) -> String {
        "YAML tags such as \(display(tag)) are not accepted; remove the tag (quote the value if it must stay text)"
    }

    /// `!!python/object` for `tag:yaml.org,2002:python/object`, otherwise the tag as written.
    private static func display(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
