import CFReport
import Foundation

/// The dashboard's addresses, with names percent-encoded as one path segment, and the
/// decoding of a segment a request sent.
enum Links {
    /// The characters a path segment keeps as they are.
    static let segment = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segment) ?? ""
    }

    /// A segment as sent, percent-decoded; nil when its encoding is broken.
    static func decoded(_ segment: Substring) -> String? {
        String(segment).removingPercentEncoding
    }

    static func sweep(_ name: String) -> String { "/sweeps/" + encoded(name) }
    static func run(_ id: Int64) -> String { "/runs/\(id)" }

    /// `<a href="…">text</a>`, both escaped.
    static func anchor(_ href: String, _ text: String) -> String {
        "<a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(text))</a>"
    }
}
