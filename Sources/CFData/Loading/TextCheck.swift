import CFCore
import Foundation

/// Checks that a data file is text before it is parsed.
enum TextCheck {
    /// Throws `path:line: ...` at the first NUL byte: the file is binary or corrupt.
    ///
    /// `memchr` over the bytes (in parts on every core, for a large file), so a
    /// multi-gigabyte binary file is refused without any of it being parsed or any buffer
    /// being reserved for it.
    static func refuseNUL(_ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        guard let base = bytes.baseAddress, let offset = firstNUL(bytes) else { return }
        var line = 1
        var cursor = 0
        while cursor < offset, let newline = memchr(base + cursor, Int32(UInt8(ascii: "\n")), offset - cursor) {
            line += 1
            cursor = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
        }
        throw DataError.malformedLine(
            path: path, line: line, reason: "NUL byte at offset \(offset): the file is binary or corrupt, not text")
    }

    /// The bytes one thread searches at a time.
    private static let partSize = 1 << 24

    /// The offset of the first NUL byte, or nil when there is none.
    private static func firstNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let parts = ParallelLoop.ranges(bytes.count, pieces: (bytes.count + partSize - 1) / partSize)
        var hits = [Int](repeating: -1, count: parts.count)
        hits.withUnsafeMutableBufferPointer { buffer in
            guard let hitBase = buffer.baseAddress else { return }
            let shared = SharedPointer(hitBase)
            ParallelLoop.run(parts.count, threads: ProcessInfo.processInfo.activeProcessorCount) { index in
                let part = parts[index]
                if let hit = memchr(base + part.lowerBound, 0, part.count) {
                    shared[index] = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                }
            }
        }
        return hits.first { $0 >= 0 }
    }
}
