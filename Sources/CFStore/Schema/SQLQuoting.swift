import Foundation

/// Quoting for the few names the store must write into DDL, where SQLite allows no bound
/// parameters (view definitions); every value elsewhere is a bound argument.
enum SQLQuoting {
    /// `text` as an SQL string literal: single quotes doubled, NUL characters dropped.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\0", with: "").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// `name` as a quoted SQL identifier: double quotes doubled, NUL characters dropped.
    static func identifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\0", with: "").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `name` reduced to `[a-z0-9_]`: lowercased, every other character becomes `_`, runs
    /// of `_` collapse, and an empty result becomes `unnamed`.
    static func sanitized(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if keep {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("_") {
                out += "_"
            }
        }
        let trimmed = out.trimmingCharacters(in: ["_"])
        return trimmed.isEmpty ? "unnamed" : trimmed
    }
}
