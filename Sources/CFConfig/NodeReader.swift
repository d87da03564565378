import CFCore

/// Walks a located YAML tree, collecting every problem instead of stopping at the first.
///
/// Each read returns nil (and records an issue) when the value is missing the mark;
/// callers keep their default then, so one pass reports all issues of a file.
struct NodeReader {
    /// The keys of one mapping, checked against `ConfigSchema`.
    struct Section {
        var path: String
        var node: MarkedNode
        var fields: [String: MarkedNode]

        subscript(key: String) -> MarkedNode? { fields[key] }

        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    private(set) var issues: [ConfigIssue] = []
    /// Every dotted path present in the tree, with the location of its key.
    private(set) var written: [String: ConfigLocation] = [:]

    mutating func fail(_ location: ConfigLocation, _ path: String, _ message: String) {
        issues.append(ConfigIssue(location: location, path: path, message: message))
    }

    mutating func fail(_ node: MarkedNode, _ path: String, _ message: String) {
        fail(node.location, path, message)
    }

    /// Reads the mapping at `path`, rejecting keys the schema does not list.
    mutating func section(_ node: MarkedNode?, _ path: String, allowed: [String]? = nil) -> Section? {
        guard let node else { return nil }
        let keys = allowed ?? ConfigSchema.sections[path] ?? []
        guard let entries = node.entries else {
            fail(node, path, "expected a mapping with keys \(keys.joined(separator: ", ")), got \(node.shortDescription)")
            return nil
        }
        var fields: [String: MarkedNode] = [:]
        for entry in entries {
            let child = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            guard keys.contains(entry.key) else {
                fail(entry.keyLocation, child, "unknown key" + EditDistance.hint(for: entry.key, among: keys))
                continue
            }
            written[child] = entry.keyLocation
            fields[entry.key] = entry.value
        }
        return Section(path: path, node: node, fields: fields)
    }

    /// A number, integers included; `1e-3` is accepted even though YAML 1.1 calls it a string.
    mutating func number(_ node: MarkedNode?, _ path: String, _ bound: Bound = .any) -> Double? {
        guard let node else { return nil }
        guard let value = Self.numericValue(node) else {
            fail(node, path, "expected a number, got \(node.shortDescription)")
            return nil
        }
        guard bound.contains(value) else {
            fail(node, path, "must be \(bound.phrase), got \(node.shortDescription)")
            return nil
        }
        return value
    }

    /// A whole number in `minimum...maximum`. Integral floats such as `1e6` count as whole
    /// numbers; past `maximum` (one of `ConfigLimits`) the message names the limit.
    mutating func integer(_ node: MarkedNode?, _ path: String, atLeast minimum: Int, atMost maximum: Int = .max) -> Int? {
        guard let node else { return nil }
        let integer: Int
        switch node.content {
        case let .scalar(.int(value), _) where Int(exactly: value) != nil:
            integer = Int(value)
        case let .scalar(.double(value), _) where value.rounded() == value:
            guard abs(value) < 9.0e18 else {
                let bound = value < 0 ? "at least \(minimum)" : maximum < .max ? "at most \(maximum) (cflab's limit, see docs/config.md)"
                    : "below 9e18"
                fail(node, path, "must be \(bound), got \(node.shortDescription.trimmingQuotes)")
                return nil
            }
            integer = Int(value)
        default:
            fail(node, path, "expected a whole number, got \(node.shortDescription)")
            return nil
        }
        guard integer >= minimum else {
            fail(node, path, "must be at least \(minimum), got \(node.shortDescription.trimmingQuotes)")
            return nil
        }
        guard integer <= maximum else {
            fail(node, path, "must be at most \(maximum) (cflab's limit, see docs/config.md), got \(node.shortDescription.trimmingQuotes)")
            return nil
        }
        return integer
    }

    /// A non-negative whole number used as a seed.
    mutating func seed(_ node: MarkedNode?, _ path: String) -> UInt64? {
        integer(node, path, atLeast: 0).map { UInt64($0) }
    }

    mutating func flag(_ node: MarkedNode?, _ path: String) -> Bool? {
        guard let node else { return nil }
        guard case let .scalar(.bool(value), _) = node.content else {
            fail(node, path, "expected true or false, got \(node.shortDescription)")
            return nil
        }
        return value
    }

    mutating func text(_ node: MarkedNode?, _ path: String) -> String? {
        guard let node else { return nil }
        guard case let .scalar(value, text) = node.content, value != .null else {
            fail(node, path, "expected text, got \(node.shortDescription)")
            return nil
        }
        return text
    }

    /// One of an enum's raw values, listing the allowed ones otherwise.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: MarkedNode?, _ path: String, as type: Choice.Type = Choice.self
    ) -> Choice? where Choice.RawValue == String {
        guard let node else { return nil }
        let allowed = Choice.allCases.map(\.rawValue)
        guard case let .scalar(_, text) = node.content, let value = Choice(rawValue: text) else {
            let hint = EditDistance.suggestion(for: node.json.stringValue ?? "", among: allowed)
                .map { " (did you mean '\($0)'?)" } ?? ""
            fail(node, path, "unknown value \(node.shortDescription)\(hint); expected one of \(allowed.joined(separator: ", "))")
            return nil
        }
        return value
    }

    /// A list of exactly `count` items (any length when nil), read one by one.
    mutating func list<Element>(
        _ node: MarkedNode?, _ path: String, count: Int? = nil,
        _ read: (inout NodeReader, MarkedNode, String) -> Element?
    ) -> [Element]? {
        guard let node else { return nil }
        guard case let .sequence(items) = node.content else {
            fail(node, path, "expected a list such as [1, 2], got \(node.shortDescription)")
            return nil
        }
        if let count, items.count != count {
            fail(node, path, "expected a list of \(count) values, got \(items.count)")
            return nil
        }
        let values = items.compactMap { read(&self, $0, path) }
        return values.count == items.count ? values : nil
    }

    static func numericValue(_ node: MarkedNode) -> Double? {
        guard case let .scalar(value, text) = node.content else { return nil }
        if let number = value.doubleValue { return number }
        if case .string = value, let number = Double(text), number.isFinite, text.contains(where: \.isNumber) {
            return number
        }
        return nil
    }
}

private extension String {
    /// `'12'` as `12`: how numbers read in bound messages.
    var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
