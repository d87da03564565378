/// Text from a user or a file made safe to print inside a one-line message.
public enum VisibleText {
    /// `text` with every hidden character written as its code, such as `<U+001B>`.
    ///
    /// A message that quotes a key, an id or a path must not carry the ESC of a terminal
    /// sequence, a line break that splits it, or a bidi override that reorders it.
    public static func escaping(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                out += "<U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code + ">"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` acts on a terminal or hides itself: a control character other than
    /// the tab (C0, DEL, C1), an invisible formatting character other than the joiners
    /// (bidi overrides, zero-width spaces) or a line or paragraph separator.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control: return scalar != "\t"
        case .format: return scalar != "\u{200C}" && scalar != "\u{200D}"
        case .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
