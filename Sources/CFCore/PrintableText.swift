/// The one rule for text that names something (run names, sweep names, tags): every
/// character prints. Control, line-separator and invisible formatting characters (such as
/// bidirectional overrides) would garble tables, logs and terminals, or forge lines.
public enum PrintableText {
    /// `found U+0000 (a control character) at character 4`, or nil when every character
    /// of `text` prints (the zero-width joiners of emoji sequences do).
    public static func problem(in text: String, allowing allowed: Set<Unicode.Scalar> = []) -> String? {
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
