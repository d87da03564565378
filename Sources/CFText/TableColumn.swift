/// One column of a `Table`: its title, its key for programs, its alignment and how its
/// numbers are shown.
public struct TableColumn: Equatable, Sendable {
    /// Where an aligned or Markdown column puts its cells.
    public enum Alignment: Equatable, Sendable {
        case left
        case right
        /// Right when every cell reads as a number (or is missing), else left.
        case automatic
    }

    /// The header people read.
    public var title: String
    /// The CSV header and JSON key (by default the title).
    public var key: String
    public var alignment: Alignment
    /// How the formats people read show this column's numbers (nil: `NumberStyle.standard`).
    public var numbers: NumberStyle?
    /// The least width of an aligned column, so that lines printed one at a time line up.
    public var width: Int

    public init(_ title: String, key: String? = nil, alignment: Alignment = .automatic, numbers: NumberStyle? = nil, width: Int = 0) {
        self.title = title
        self.key = key ?? title
        self.alignment = alignment
        self.numbers = numbers
        self.width = width
    }

    /// `title` as a JSON-friendly key: lowercased, every other character `_` ("mean rating" → `mean_rating`).
    public static func snakeKey(_ title: String) -> String {
        String(title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
