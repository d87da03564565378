import CFCore

/// What can go wrong while locating, reading or splitting ratings; each message says what to do.
public enum DataError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A line of a data file that cannot be read: `path:line: reason`.
    case malformedLine(path: String, line: Int, reason: String)
    /// A repeated (user, item) pair under `duplicates: error`.
    case duplicateRating(path: String, line: Int, firstLine: Int, user: String, item: String)
    /// A folder or file that should exist does not.
    case missing(path: String, hint: String)
    /// A folder that holds none of the known MovieLens rating files.
    case unknownLayout(path: String)
    /// A file that cannot be read at all.
    case unreadable(path: String, reason: String)
    /// A configuration the data layer cannot honour (bad fraction, unknown fold, ...).
    case invalidConfiguration(String)
    /// A download whose checksum is not the published one.
    case checksumMismatch(name: String, algorithm: String, expected: String, actual: String)

    /// The message, its hidden characters written as codes (an id or a path quoted from
    /// a file must not act on the terminal).
    public var description: String { VisibleText.escaping(text) }

    private var text: String {
        switch self {
        case let .malformedLine(path, line, reason):
            return "\(path):\(line): \(reason)"
        case let .duplicateRating(path, line, firstLine, user, item):
            return "\(path):\(line): duplicate rating for user \(user), item \(item) (first at line \(firstLine));"
                + " remove one, or set `data.duplicates: last` to keep the last"
        case let .missing(path, hint):
            return "\(path): not found; \(hint)"
        case let .unknownLayout(path):
            return "\(path): no ratings.csv, u.data or ratings.dat here; point `data.path` at a MovieLens folder"
        case let .unreadable(path, reason):
            return "\(path): cannot be read (\(reason))"
        case let .invalidConfiguration(reason):
            return reason
        case let .checksumMismatch(name, algorithm, expected, actual):
            return "\(name): \(algorithm) checksum mismatch (expected \(expected), got \(actual));"
                + " nothing was kept. Retry, or check the --url mirror"
        }
    }
}
