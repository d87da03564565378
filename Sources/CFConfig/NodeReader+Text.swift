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
        if let problem = Self.unprintable(in: text, allowing: []) {
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
        if let problem = Self.unprintable(in: text, allowing: ["\t", "\n"]) {
            fail(node, path, "must be printable text; \(problem)")
            return nil
        }
        return text
    }

    /// `found U+0000 (a control character) at character 4`, or nil when every character prints.
    static func unprintable(in text: String, allowing allowed: Set<Unicode.Scalar>) -> String? {
        for (offset, scalar) in text.unicodeScalars.enumerated() where !allowed.contains(scalar) {
            let kind: String?
            switch scalar.properties.generalCategory {
            case .control: kind = "a control character"
            case .lineSeparator, .paragraphSeparator: kind = "a line separator"
            case .format where !["\u{200C}", "\u{200D}"].contains(scalar): kind = "an invisible formatting character"
            default: kind = nil
            }
            if let kind {
                let code = String(scalar.value, radix: 16, uppercase: true)
                return "found U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) (\(kind)) at character \(offset + 1)"
            }
        }
        return nil
    }
}
