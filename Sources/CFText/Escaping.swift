import Foundation

/// The one escaping of each text format: Markdown, LaTeX, CSV, and text for a terminal.
public enum Escaping {
    /// Text safe to print on a terminal or inside one table line: every control character
    /// (C0, DEL, C1: newlines, tabs, the ESC of colour codes) becomes a space.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) ? " " : scalar) }
        return String(out)
    }

    /// Lines safe to print on a terminal: like `terminal(_:)`, but line feeds stay.
    public static func terminalLines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) && scalar != "\n" ? " " : scalar) }
        return String(out)
    }

    /// Markdown text: control characters as spaces, and `\ | * _ ` < >` backslash-escaped.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for character in terminal(text) {
            if "\\|*_`<>".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// LaTeX text: `& % $ # _ { }` backslash-escaped, `\ ~ ^` spelled as commands,
    /// control characters as spaces.
    public static func latex(_ text: String) -> String {
        var out = ""
        for character in terminal(text) {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\\(character)"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(character)
            }
        }
        return out
    }

    /// An RFC 4180 field: quoted when it holds a comma, quote, CR or LF, quotes doubled.
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
