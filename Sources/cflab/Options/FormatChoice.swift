import ArgumentParser
import CFText

/// The table formats one command offers for `--format`.
protocol FormatMenu {
    static var formats: [TableFormat] { get }
}

/// A `--format` value: a `TableFormat` among those `Menu` offers, spelled as the format's
/// raw value (`table` for aligned columns), so that `--help` lists exactly those.
struct FormatChoice<Menu: FormatMenu>: ExpressibleByArgument, Sendable {
    let format: TableFormat

    init(_ format: TableFormat) {
        self.format = format
    }

    init?(argument: String) {
        guard let format = TableFormat(rawValue: argument), Menu.formats.contains(format) else { return nil }
        self.format = format
    }

    var defaultValueDescription: String { format.rawValue }

    static var allValueStrings: [String] { Menu.formats.map(\.rawValue) }
}

/// `runs` and the analysis commands: `table`, `markdown`, `csv`, `json`.
enum ListFormats: FormatMenu {
    static let formats: [TableFormat] = [.aligned, .markdown, .csv, .json]
}

/// `compare` and `ensemble`: every table format, LaTeX included.
enum TableFormats: FormatMenu {
    static let formats: [TableFormat] = TableFormat.allCases
}
