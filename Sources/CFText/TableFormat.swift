/// The text forms of a `Table`, one enum for every command (`--format`); each command
/// offers the ones that apply.
///
/// People read `aligned`, `markdown` and `latex`: numbers are rounded by their column's
/// `NumberStyle`. Programs read `csv` and `json`: numbers are written in full (Swift's
/// shortest round-trip form) and a missing value is an empty field or `null`.
public enum TableFormat: String, CaseIterable, Sendable {
    /// Columns padded to their widest cell, for a terminal; spelled `table` on the command line.
    case aligned = "table"
    /// A pipe table, the best row in bold.
    case markdown
    /// RFC 4180 under a header of column keys; a summary cell becomes two fields, the
    /// mean and `<key> std`.
    case csv
    /// One object: title, column keys, one object per row, remarks.
    case json
    /// A `tabular`, the best row in bold.
    case latex
}
