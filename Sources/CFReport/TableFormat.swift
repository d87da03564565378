/// The output formats of a comparison table (`--format`).
public enum TableFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal.
    case table
    case markdown
    /// RFC 4180; a summary cell becomes two columns, the mean and `<title> std`.
    case csv
    case json
    case latex
}
