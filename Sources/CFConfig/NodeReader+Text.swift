import CFCore

extension NodeReader {
    /// Text that names something (`name`, a tag): non-empty, at most `maximumLength`
    /// characters, printable (no control, line-separator or bidirectional-override
    /// characters, which would garble tables, logs and terminals).
    mutating func label(_ node: MarkedNode?, _ path: String, maximumLength: Int = ConfigLimits.maximumNameLength) -> String? {
        guard let node, let text = text(node, path) else { return nil }
        guard !text.isEmpty else {
            fail(node, path, "must not be empty")
            return nil
        }
        if let problem = PrintableText.problem(in: text, allowing: []) {
            fail(node, path, "must be printable text; \(problem)")
            return nil
        }
        guard text.count <= maximumLength else {
            fail(node, path, "must be at most \(maximumLength) characters, got \(text.count)")
            return nil
        }
        return text
    }

    /// Free text (`description`): tabs and line breaks allowed, other control characters not.
    mutating func prose(_ node: MarkedNode?, _ path: String) -> String? {
        guard let node, let text = text(node, path) else { return nil }
        if let problem = PrintableText.problem(in: text, allowing: ["\t", "\n"]) {
            fail(node, path, "must be printable text; \(problem)")
            return nil
        }
        return text
    }
}
