import CFCore
import Foundation

/// Reads a ratings file into raw columns: bytes memory-mapped, numbers parsed by hand.
enum RatingsFileReader {
    /// Runs `body` over the file's bytes (memory-mapped when the system allows).
    ///
    /// A folder, device, pipe or socket is refused before it is opened: a named pipe
    /// would block the open, and a device would be read without end. An empty regular
    /// file is an empty buffer without reading it: on Linux, Foundation reads a file of
    /// size 0 into a 4 KiB buffer that the empty `Data` never frees (found by
    /// `bench/fuzz`'s LeakSanitizer, crashes/ml-100k).
    static func withBytes<Result>(
        of path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) throws -> Result {
        try refuseIrregular(path)
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           attributes[.type] as? FileAttributeType == .typeRegular, attributes[.size] as? Int == 0 {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: [.alwaysMapped])
        } catch {
            guard FileManager.default.fileExists(atPath: path) else {
                throw DataError.missing(path: path, hint: "check the data folder or `data.path`")
            }
            throw DataError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        return try data.withUnsafeBytes { raw in try body(raw.bindMemory(to: UInt8.self)) }
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
    /// header), a negative id in a MovieLens layout, and a rating outside `scale`.
    static func read(path: String, format: RatingsFormat, scale: RatingScale? = nil) throws -> RawRatings {
        try withBytes(of: path) { bytes in try parse(bytes, path: path, format: format, scale: scale) }
    }

    static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, format: RatingsFormat, scale: RatingScale? = nil
    ) throws -> RawRatings {
        try TextCheck.refuseNUL(bytes, path: path)
        var scanner = RecordScanner(bytes: bytes, path: path, delimiter: format.delimiter, honorsQuotes: format.honorsQuotes)
        var fields: [FieldRange] = []
        fields.reserveCapacity(16)
        var raw = RawRatings(path: path)
        let estimate = bytes.count / 20
        raw.users.reserve(estimate)
        raw.items.reserve(estimate)
        raw.ratings.reserveCapacity(estimate)
        raw.timestamps.reserveCapacity(estimate)
        var expectedFields = format.fieldCount
        var isFirst = true
        var headerLine: Int?
        let progress = ProgressReport.phase("reading " + (path as NSString).lastPathComponent, total: bytes.count, unit: .bytes)
        defer { progress.finish() }
        var untilReport = 1 << 16
        while let line = try scanner.next(into: &fields) {
            untilReport -= 1
            if untilReport == 0 {
                untilReport = 1 << 16
                progress.update(done: scanner.position)
            }
            if isFirst {
                isFirst = false
                if expectedFields == nil { expectedFields = fields.count }
                let widest = max(format.userColumn, format.itemColumn, format.ratingColumn, format.timestampColumn ?? 0)
                guard widest < expectedFields ?? 0 else {
                    throw DataError.malformedLine(
                        path: path, line: line, reason: "column \(widest) does not exist: the file has \(expectedFields ?? 0) fields")
                }
                if isHeader(bytes, fields, format: format) {
                    headerLine = line
                    continue
                }
            }
            func fail(_ reason: String) -> DataError { .malformedLine(path: path, line: line, reason: reason) }
            guard fields.count == expectedFields else {
                throw fail("expected \(expectedFields ?? 0) fields, found \(fields.count)")
            }
            let userField = fields[format.userColumn]
            guard !userField.isEmpty else { throw fail("empty user id") }
            guard raw.users.append(bytes, userField, allowsText: format.allowsTextIds) else {
                throw fail("user id `\(ByteParsing.string(bytes, userField))` is not an integer")
            }
            if !format.allowsTextIds, let id = raw.users.integers.last, id < 0 {
                throw fail("user id \(id) is negative; MovieLens ids are positive integers")
            }
            let itemField = fields[format.itemColumn]
            guard !itemField.isEmpty else { throw fail("empty item id") }
            guard raw.items.append(bytes, itemField, allowsText: format.allowsTextIds) else {
                throw fail("item id `\(ByteParsing.string(bytes, itemField))` is not an integer")
            }
            if !format.allowsTextIds, let id = raw.items.integers.last, id < 0 {
                throw fail("item id \(id) is negative; MovieLens ids are positive integers")
            }
            let ratingField = fields[format.ratingColumn]
            guard let rating = ByteParsing.decimal(bytes, ratingField) else {
                throw fail("rating `\(ByteParsing.string(bytes, ratingField))` is not a number")
            }
            if let scale, !scale.contains(Float(rating)) {
                let (start, end) = ByteParsing.trimmed(bytes, ratingField)
                throw fail(scale.refusal(ByteParsing.string(bytes, FieldRange(start: start, end: end, hasEscapedQuotes: false))))
            }
            raw.ratings.append(Float(rating))
            if let column = format.timestampColumn {
                let field = fields[column]
                guard let timestamp = ByteParsing.integer(bytes, field) else {
                    throw fail("timestamp `\(ByteParsing.string(bytes, field))` is not an integer")
                }
                raw.timestamps.append(timestamp)
            } else {
                raw.timestamps.append(0)
            }
        }
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
