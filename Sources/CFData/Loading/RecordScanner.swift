/// One field of a record: a byte range of the buffer, with its quoting noted.
struct FieldRange: Sendable {
    var start: Int
    var end: Int
    /// The field was quoted and holds `""` escapes that must be collapsed into `"`.
    var hasEscapedQuotes: Bool

    var isEmpty: Bool { start >= end }
}

/// Splits a byte buffer into records and fields without allocating per record.
///
/// Handles a leading UTF-8 BOM, LF and CRLF line ends, blank lines (skipped, but still
/// counted, so line numbers match an editor's), single- or multi-byte delimiters, and,
/// when `honorsQuotes` is set, RFC 4180 quoting: a field that starts with `"` runs to the
/// next lone `"`, may contain delimiters and line breaks, and writes `"` as `""`.
struct RecordScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    private let firstDelimiter: UInt8
    private let secondDelimiter: UInt8?
    private let delimiterLength: Int
    private let honorsQuotes: Bool
    private(set) var position = 0
    /// The 1-based line number of the byte at `position`.
    private(set) var line = 1

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// `delimiter` must be one or two bytes long; `skipsByteOrderMark` is false for a
    /// buffer that starts inside a file, where a BOM is data.
    init(bytes: UnsafeBufferPointer<UInt8>, path: String, delimiter: [UInt8], honorsQuotes: Bool, skipsByteOrderMark: Bool = true) {
        precondition((1...2).contains(delimiter.count), "delimiters are one or two bytes")
        self.bytes = bytes
        self.path = path
        firstDelimiter = delimiter[0]
        secondDelimiter = delimiter.count == 2 ? delimiter[1] : nil
        delimiterLength = delimiter.count
        self.honorsQuotes = honorsQuotes
        if skipsByteOrderMark, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    /// Reads the next non-blank record into `fields`; returns its first line number, or nil at the end.
    mutating func next(into fields: inout [FieldRange]) throws -> Int? {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        skipBlankLines()
        guard position < count else { return nil }
        let startLine = line
        while true {
            // After a delimiter that ends the buffer, `position == count`: an empty last field.
            if honorsQuotes, position < count, bytes[position] == Self.quote {
                fields.append(try quotedField(startLine: startLine))
            } else {
                fields.append(plainField())
            }
            if position >= count { return startLine }
            let byte = bytes[position]
            if byte == Self.newline {
                position += 1
                line += 1
                return startLine
            }
            if byte == Self.carriageReturn, position + 1 >= count || bytes[position + 1] == Self.newline {
                position += min(2, count - position)
                line += 1
                return startLine
            }
            guard isDelimiter(at: position) else {
                throw DataError.malformedLine(path: path, line: line, reason: "unexpected character after a closing quote")
            }
            position += delimiterLength
        }
    }

    @inline(__always)
    private func isDelimiter(at index: Int) -> Bool {
        guard bytes[index] == firstDelimiter else { return false }
        guard let second = secondDelimiter else { return true }
        return index + 1 < bytes.count && bytes[index + 1] == second
    }

    private mutating func skipBlankLines() {
        let count = bytes.count
        while position < count {
            if bytes[position] == Self.newline {
                position += 1
                line += 1
            } else if bytes[position] == Self.carriageReturn, position + 1 >= count || bytes[position + 1] == Self.newline {
                position += min(2, count - position)
                line += 1
            } else {
                return
            }
        }
    }

    /// An unquoted field: up to the delimiter or the end of the line, without a trailing CR.
    private mutating func plainField() -> FieldRange {
        let start = position
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == Self.newline || isDelimiter(at: position) { break }
            position += 1
        }
        var end = position
        if end > start, bytes[end - 1] == Self.carriageReturn, position >= count || bytes[position] == Self.newline {
            end -= 1
            position = end
        }
        return FieldRange(start: start, end: end, hasEscapedQuotes: false)
    }

    /// A quoted field: the bytes between the quotes; `position` ends after the closing quote.
    private mutating func quotedField(startLine: Int) throws -> FieldRange {
        position += 1
        let start = position
        var escaped = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
                    escaped = true
                    position += 2
                    continue
                }
                let end = position
                position += 1
                return FieldRange(start: start, end: end, hasEscapedQuotes: escaped)
            }
            if byte == Self.newline { line += 1 }
            position += 1
        }
        throw DataError.malformedLine(path: path, line: startLine, reason: "unterminated quoted field")
    }
}
