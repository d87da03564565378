import CFCore
import Foundation

/// Reads a ratings file into raw columns: bytes memory-mapped, numbers parsed by hand.
enum RatingsFileReader {
    /// Runs `body` over the file's bytes (memory-mapped when the system allows).
    ///
    /// A folder, device, pipe or socket is refused before it is opened: a named pipe
    /// would block the open, and a device would be read without end.
    static func withBytes<Result>(
        of path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        try withFile(of: path) { file in try body(file.bytes) }
    }

    /// `withBytes` that hands over the file itself, so that parts can be released as they are parsed.
    static func withFile<Result>(of path: String, _ body: (FileBytes) throws -> Result) throws -> Result {
        try refuseIrregular(path)
        return try FileBytes.withContents(of: path, body)
    }

    /// Throws `path: cannot be read (...)` for a path that is there but not a regular file
    /// (links are followed); a missing path is left to the reading, which names it.
    static func refuseIrregular(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else { return }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw DataError.unreadable(path: path, reason: "it is a folder, not a file")
        default: throw DataError.unreadable(path: path, reason: "it is not a regular file: a device, pipe or socket")
        }
    }

    /// The fields of the file's first record as text (a header, or the first data line).
    static func firstRecord(of path: String, delimiter: [UInt8], honorsQuotes: Bool) throws -> [String] {
        try withBytes(of: path) { bytes in
            try TextCheck.refuseNUL(bytes, path: path)
            var scanner = RecordScanner(bytes: bytes, path: path, delimiter: delimiter, honorsQuotes: honorsQuotes)
            var fields: [FieldRange] = []
            guard try scanner.next(into: &fields) != nil else { return [] }
            return fields.map { ByteParsing.string(bytes, $0) }
        }
    }

    /// Every rating of the file, in file order; each one on `scale` when it is given.
    ///
    /// Refused with `path:line: reason`: a file with a NUL byte (binary or corrupt; checked
    /// before anything is parsed or reserved), one without ratings (empty, blank or only a
    /// header), a negative id in a MovieLens layout, and a rating outside `scale`. The
    /// line named is that of the first bad record in file order.
    static func read(path: String, format: RatingsFormat, scale: RatingScale? = nil) throws -> RawRatings {
        try withFile(of: path) { file in try parse(file, path: path, format: format, scale: scale) }
    }

    /// About how many bytes of a file one thread parses at a time.
    static let chunkSize = 1 << 23

    /// `read` over bytes already in memory.
    ///
    /// The data records are parsed in parts of about `chunkSize` bytes that end at line
    /// ends, on as many threads as the machine has cores, and joined in file order: the
    /// ratings, and the first refusal, are those of one pass from the start. A file
    /// whose quoted fields may hold line ends, or whose ids are text, is parsed in one part.
    static func parse(
        _ file: FileBytes, path: String, format: RatingsFormat, scale: RatingScale? = nil, chunkSize: Int = chunkSize
    ) throws -> RawRatings {
        let bytes = file.bytes
        try TextCheck.refuseNUL(bytes, path: path)
        var scanner = RecordScanner(bytes: bytes, path: path, delimiter: format.delimiter, honorsQuotes: format.honorsQuotes)
        var fields: [FieldRange] = []
        guard let firstLine = try scanner.next(into: &fields) else {
            throw DataError.malformedLine(path: path, line: 1, reason: "the ratings file is empty (no ratings, only blank lines or nothing)")
        }
        let expectedFields = format.fieldCount ?? fields.count
        let widest = max(format.userColumn, format.itemColumn, format.ratingColumn, format.timestampColumn ?? 0)
        guard widest < expectedFields else {
            throw DataError.malformedLine(
                path: path, line: firstLine, reason: "column \(widest) does not exist: the file has \(expectedFields) fields")
        }
        let headerLine = isHeader(bytes, fields, format: format) ? firstLine : nil
        let (start, startLine) = headerLine == nil ? (0, 1) : (scanner.position, scanner.line)
        let whole = [start..<bytes.count]
        let quoted = format.honorsQuotes && bytes.baseAddress.map { memchr($0 + start, Int32(UInt8(ascii: "\"")), bytes.count - start) != nil } == true
        // Without a quote in the data, no field is quoted: the scanner need not look for one.
        var dataFormat = format
        dataFormat.honorsQuotes = quoted
        let rules = RecordRules(path: path, format: dataFormat, scale: scale, expectedFields: expectedFields)
        let progress = ProgressReport.phase("reading " + (path as NSString).lastPathComponent, total: bytes.count, unit: .bytes)
        defer { progress.finish() }
        let ranges = quoted ? whole : chunkRanges(bytes, from: start, size: chunkSize)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        var chunks = parseChunks(file, ranges: ranges, rules: rules, threads: threads, progress: progress)
        if ranges.count > 1, chunks.contains(where: { (try? $0.ratings.get())?.hasTextIds == true }) {
            chunks = parseChunks(file, ranges: whole, rules: rules, threads: 1, progress: progress)
        }
        let raw = try joined(&chunks, path: path, firstLine: startLine)
        if raw.count == 0 {
            if let headerLine {
                throw DataError.malformedLine(path: path, line: headerLine + 1, reason: "no ratings after the header line; the file holds no data")
            }
            throw DataError.malformedLine(path: path, line: 1, reason: "the ratings file is empty (no ratings, only blank lines or nothing)")
        }
        return raw
    }

    private static func isHeader(_ bytes: UnsafeBufferPointer<UInt8>, _ fields: [FieldRange], format: RatingsFormat) -> Bool {
        switch format.header {
        case .none: return false
        case .present: return true
        case .detect:
            return fields.count > format.userColumn && ByteParsing.integer(bytes, fields[format.userColumn]) == nil
        }
    }

    /// The line on which the data record number `record` (0-based, header excluded) starts.
    static func lineNumber(ofRecord record: Int, path: String, format: RatingsFormat) -> Int {
        lineNumbers(ofRecords: [record], path: path, format: format)[record] ?? 0
    }

    /// The lines on which the given data records start, found in one pass over the file.
    static func lineNumbers(ofRecords records: Set<Int>, path: String, format: RatingsFormat) -> [Int: Int] {
        guard let last = records.max() else { return [:] }
        return (try? withBytes(of: path) { bytes -> [Int: Int] in
            var scanner = RecordScanner(bytes: bytes, path: path, delimiter: format.delimiter, honorsQuotes: format.honorsQuotes)
            var fields: [FieldRange] = []
            var lines: [Int: Int] = [:]
            var index = -1
            var isFirst = true
            while index < last, let line = try scanner.next(into: &fields) {
                if isFirst {
                    isFirst = false
                    if isHeader(bytes, fields, format: format) { continue }
                }
                index += 1
                if records.contains(index) { lines[index] = line }
            }
            return lines
        }) ?? [:]
    }
}
