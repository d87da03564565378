extension MarkedNode {
    /// This node deep-merged over `base`: mappings merge key by key and this node wins.
    ///
    /// An `init` whose `kind` differs from the base's replaces it whole. Sections such as
    /// `model` merge even when their kind changes; inherited keys that do not apply to
    /// the new kind are dropped later without an error.
    func merged(over base: MarkedNode) -> MarkedNode {
        guard case let .mapping(mine) = content, case let .mapping(theirs) = base.content else { return self }
        // A discriminated union such as `init` is replaced whole when its kind changes.
        if key("kind", differsFrom: base), isInitializerLike { return self }
        var entries = theirs
        for entry in mine {
            if let index = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[index] = Entry(
                    key: entry.key, keyLocation: entry.keyLocation,
                    value: entry.value.merged(over: entries[index].value)
                )
            } else {
                entries.append(entry)
            }
        }
        return MarkedNode(content: .mapping(entries), location: location)
    }

    private func key(_ name: String, differsFrom other: MarkedNode) -> Bool {
        guard let mine = self[name]?.json, let theirs = other[name]?.json else { return false }
        return mine != theirs
    }

    /// True for mappings made only of `kind` and numbers, such as `{kind: normal, std: 0.1}`.
    private var isInitializerLike: Bool {
        guard let entries else { return false }
        return entries.allSatisfy { ["kind", "low", "high", "std"].contains($0.key) }
    }

    /// This tree with the value at a dotted path replaced, creating mappings on the way.
    func setting(path: [String], to value: MarkedNode, keyLocation: ConfigLocation) -> MarkedNode {
        guard let first = path.first else { return value }
        var entries = self.entries ?? []
        let rest = Array(path.dropFirst())
        if let index = entries.firstIndex(where: { $0.key == first }) {
            let child = entries[index].value.entries == nil && !rest.isEmpty
                ? MarkedNode.emptyMapping(at: keyLocation) : entries[index].value
            entries[index].value = child.setting(path: rest, to: value, keyLocation: keyLocation)
            if rest.isEmpty { entries[index].keyLocation = keyLocation }
        } else {
            let child = MarkedNode.emptyMapping(at: keyLocation)
            entries.append(Entry(key: first, keyLocation: keyLocation,
                                 value: child.setting(path: rest, to: value, keyLocation: keyLocation)))
        }
        return MarkedNode(content: .mapping(entries), location: location)
    }

    /// This mapping without `key`.
    func removing(_ key: String) -> MarkedNode {
        guard let entries else { return self }
        return MarkedNode(content: .mapping(entries.filter { $0.key != key }), location: location)
    }
}
