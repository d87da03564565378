extension JSONValue {
    /// The leaves of this value under dotted keys, in document order.
    ///
    /// Non-empty objects are flattened: `{"model": {"kind": "dot", "layers": [100, 50]}}`
    /// gives `model.kind = "dot"` and `model.layers = [100, 50]`. Scalars, arrays and empty
    /// objects are leaves, kept whole. A value that is not a non-empty object has no key
    /// to stand under, so it gives no leaves. This is the one flattening of configs: the
    /// store's `run_params` rows and the report's parameter columns both come from it.
    public var leaves: [(key: String, value: JSONValue)] {
        var out: [(key: String, value: JSONValue)] = []
        collectLeaves(prefix: "", into: &out)
        return out
    }

    private func collectLeaves(prefix: String, into out: inout [(key: String, value: JSONValue)]) {
        if case let .object(pairs) = self, !pairs.isEmpty {
            for (key, child) in pairs {
                child.collectLeaves(prefix: prefix.isEmpty ? key : prefix + "." + key, into: &out)
            }
        } else if !prefix.isEmpty {
            out.append((prefix, self))
        }
    }
}
