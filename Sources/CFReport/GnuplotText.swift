/// Text that reaches gnuplot, made inert.
///
/// Titles and other user text go only into `.dat` files, as double-quoted data fields
/// (gnuplot never evaluates data). The few strings a script itself contains (chart
/// titles with run ids, axis labels) pass through `literal`, which keeps a small set of
/// characters and drops every one that could start a command, a substitution or a string
/// end: no quote, backtick, `$`, `@`, `;`, backslash or newline survives.
public enum GnuplotText {
    /// Characters a script string may contain besides letters and digits.
    static let allowedPunctuation: Set<Character> = [" ", "-", "_", ".", ",", ":", "(", ")", "=", "+", "/", "%", "<", ">", "±", "·"]

    /// A single-quoted gnuplot string holding only letters, digits and safe punctuation
    /// (anything else becomes `?`).
    public static func literal(_ text: String) -> String {
        var out = "'"
        for character in text {
            let safe = (character.isLetter || character.isNumber) && character.unicodeScalars.allSatisfy { $0.value >= 0x20 }
            out.append(safe || allowedPunctuation.contains(character) ? character : "?")
        }
        return out + "'"
    }

    /// A double-quoted `.dat` field showing `text`: backslashes doubled (gnuplot unescapes
    /// them), each `"` drawn as `″` (gnuplot's data fields have no escape for a quote that
    /// survives every plotting style), control characters turned into spaces.
    public static func dataField(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "″"
            case let control where control.value < 0x20 || control.value == 0x7f: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
