import Foundation

/// Checks that a data file is text before it is parsed.
enum TextCheck {
    /// Throws `path:line: ...` at the first NUL byte: the file is binary or corrupt.
    ///
    /// One `memchr` over the bytes, so a multi-gigabyte binary file is refused without
    /// any of it being parsed or any buffer being reserved for it.
    static func refuseNUL(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        guard let base = bytes.baseAddress, let hit = memchr(base, 0, bytes.count) else { return }
        let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        var line = 1
        var cursor = 0
        while cursor < offset, let newline = memchr(base + cursor, Int32(UInt8(ascii: "\n")), offset - cursor) {
            line += 1
            cursor = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
        }
        throw DataError.malformedLine(
            path: path, line: line, reason: "NUL byte at offset \(offset): the file is binary or corrupt, not text")
    }
}
