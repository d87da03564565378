import CFCore
import CFText

extension AnalysisOutput {
    /// The output as text in `format`, without a trailing newline: each table rendered by
    /// `TableRenderer` under its title, then the notes.
    ///
    /// - aligned: each table under its title line; the notes last.
    /// - markdown: a `###` heading and a pipe table per table, the notes as paragraphs.
    /// - csv: per table a `# title` comment line, a header of keys and the records;
    ///   tables and `# note` lines apart by a blank line.
    /// - json: one object, each table's key → its row objects, and `notes`.
    /// - latex: one `tabular` per table, the notes as comments.
    public func rendered(as format: TableFormat) -> String {
        let renderer = TableRenderer(format: format)
        func untitled(_ table: Table) -> Table {
            var table = table
            table.title = nil
            return table
        }
        switch format {
        case .aligned:
            let notes = self.notes.isEmpty ? [] : [self.notes.map(renderer.prose).joined(separator: "\n")]
            return (tables.map { renderer.render($0.table) } + notes).joined(separator: "\n\n")
        case .markdown:
            let sections = tables.map { "### " + renderer.prose($0.table.title ?? "") + "\n\n" + renderer.render(untitled($0.table)) }
            return (sections + notes.map(renderer.prose)).joined(separator: "\n\n")
        case .csv:
            let sections = tables.map { renderer.prose($0.table.title ?? "") + "\n" + renderer.render(untitled($0.table)) }
            return (sections + notes.map(renderer.prose)).joined(separator: "\n\n")
        case .latex:
            return (tables.map { renderer.render($0.table) } + notes.map(renderer.prose)).joined(separator: "\n\n")
        case .json:
            return json.indented
        }
    }

    /// The output as one JSON object; numbers are JSON numbers in full, missing values null.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = tables.map { ($0.key, .array($0.table.jsonRows)) }
        if !notes.isEmpty { pairs.append(("notes", .array(notes.map(JSONValue.string)))) }
        return .object(pairs)
    }
}
