import CFCore
import Foundation

extension RatingsFileReader {
    /// How a ratings file's data records are read: the format's columns, the checks and the field count.
    struct RecordRules {
        var path: String
        var format: RatingsFormat
        var scale: RatingScale?
        /// Fields every record must have (the format's, or the first record's count).
        var expectedFields: Int
        // The format's columns and id rule, read once per record without copying the format.
        let userColumn: Int, itemColumn: Int, ratingColumn: Int, timestampColumn: Int?
        let allowsTextIds: Bool

        init(path: String, format: RatingsFormat, scale: RatingScale?, expectedFields: Int) {
            self.path = path
            self.format = format
            self.scale = scale
            self.expectedFields = expectedFields
            (userColumn, itemColumn, ratingColumn, timestampColumn) = (format.userColumn, format.itemColumn, format.ratingColumn, format.timestampColumn)
            allowsTextIds = format.allowsTextIds
        }
    }

    /// The ratings of one part of a file, parsed on its own.
    struct Chunk {
        /// The part's ratings in file order, or the refusal of its first bad record, with
        /// the line counted from the part's first line (1).
        var ratings: Result<RawRatings, any Error>
        /// The line ends the part holds: the next part starts this many lines further on.
        var lineEnds: Int
    }

    /// The parts `bytes[start...]` is parsed in: about `size` bytes each, every one
    /// ending just after a line end (the last at the end of the buffer).
    static func chunkRanges(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, size: Int) -> [Range<Int>] {
        guard let base = bytes.baseAddress, start < bytes.count else { return [start..<max(start, bytes.count)] }
        var ranges: [Range<Int>] = []
        var lower = start
        while lower < bytes.count {
            var upper = bytes.count
            if bytes.count - lower > size, let newline = memchr(base + lower + size - 1, Int32(UInt8(ascii: "\n")), bytes.count - lower - size + 1) {
                upper = UnsafeRawPointer(newline) - UnsafeRawPointer(base) + 1
            }
            ranges.append(lower..<upper)
            lower = upper
        }
        return ranges
    }

    /// Parses every part on up to `threads` threads, each part's pages released from
    /// memory once it is parsed; the parts are in file order.
    static func parseChunks(
        _ file: FileBytes, ranges: [Range<Int>], rules: RecordRules, threads: Int, progress: ProgressPhase
    ) -> [Chunk] {
        var chunks = [Chunk?](repeating: nil, count: ranges.count)
        let parsed = ParsedBytes(progress)
        chunks.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let results = SharedPointer(base)
            ParallelLoop.run(ranges.count, threads: threads) { index in
                let range = ranges[index]
                let part = UnsafeBufferPointer(rebasing: file.bytes[range])
                results[index] = parseChunk(part, skipsByteOrderMark: range.lowerBound == 0, rules: rules, parsed: parsed)
                file.release(range)
            }
        }
        return chunks.compactMap { $0 }
    }

    /// The data records of `bytes` (a whole number of lines) checked by `rules`.
    static func parseChunk(
        _ bytes: UnsafeBufferPointer<UInt8>, skipsByteOrderMark: Bool, rules: RecordRules, parsed: ParsedBytes
    ) -> Chunk {
        let format = rules.format
        var scanner = RecordScanner(
            bytes: bytes, path: rules.path, delimiter: format.delimiter, honorsQuotes: format.honorsQuotes,
            skipsByteOrderMark: skipsByteOrderMark)
        var fields: [FieldRange] = []
        fields.reserveCapacity(16)
        var raw = RawRatings(path: rules.path)
        let estimate = bytes.count / 20
        raw.users.reserve(estimate)
        raw.items.reserve(estimate)
        raw.ratings.reserveCapacity(estimate)
        raw.timestamps.reserveCapacity(estimate)
        var reported = 0
        var untilReport = 1 << 16
        do {
            while let line = try scanner.next(into: &fields) {
                untilReport -= 1
                if untilReport == 0 {
                    untilReport = 1 << 16
                    parsed.add(scanner.position - reported)
                    reported = scanner.position
                }
                try appendRecord(bytes, fields, line: line, rules: rules, to: &raw)
            }
        } catch {
            return Chunk(ratings: .failure(error), lineEnds: scanner.line - 1)
        }
        parsed.add(bytes.count - reported)
        return Chunk(ratings: .success(raw), lineEnds: scanner.line - 1)
    }

    /// Checks the record in `fields` (which starts on `line`) and appends its rating.
    @inline(__always)
    private static func appendRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, _ fields: [FieldRange], line: Int, rules: RecordRules, to raw: inout RawRatings
    ) throws {
        func fail(_ reason: String) -> DataError { .malformedLine(path: rules.path, line: line, reason: reason) }
        guard fields.count == rules.expectedFields else {
            throw fail("expected \(rules.expectedFields) fields, found \(fields.count)")
        }
        let userField = fields[rules.userColumn]
        guard !userField.isEmpty else { throw fail("empty user id") }
        guard raw.users.append(bytes, userField, allowsText: rules.allowsTextIds) else {
            throw fail("user id `\(ByteParsing.string(bytes, userField))` is not an integer")
        }
        if !rules.allowsTextIds, let id = raw.users.integers.last, id < 0 {
            throw fail("user id \(id) is negative; MovieLens ids are positive integers")
        }
        let itemField = fields[rules.itemColumn]
        guard !itemField.isEmpty else { throw fail("empty item id") }
        guard raw.items.append(bytes, itemField, allowsText: rules.allowsTextIds) else {
            throw fail("item id `\(ByteParsing.string(bytes, itemField))` is not an integer")
        }
        if !rules.allowsTextIds, let id = raw.items.integers.last, id < 0 {
            throw fail("item id \(id) is negative; MovieLens ids are positive integers")
        }
        let ratingField = fields[rules.ratingColumn]
        guard let rating = ByteParsing.decimal(bytes, ratingField) else {
            throw fail("rating `\(ByteParsing.string(bytes, ratingField))` is not a number")
        }
        if let scale = rules.scale, !scale.contains(Float(rating)) {
            let (start, end) = ByteParsing.trimmed(bytes, ratingField)
            throw fail(scale.refusal(ByteParsing.string(bytes, FieldRange(start: start, end: end, hasEscapedQuotes: false))))
        }
        raw.ratings.append(Float(rating))
        if let column = rules.timestampColumn {
            let field = fields[column]
            guard let timestamp = ByteParsing.integer(bytes, field) else {
                throw fail("timestamp `\(ByteParsing.string(bytes, field))` is not an integer")
            }
            raw.timestamps.append(timestamp)
        } else {
            raw.timestamps.append(0)
        }
    }

    /// The parts' ratings one after another, or the refusal of the first bad record in
    /// file order, its line counted from `firstLine` (the line the first part starts on).
    /// Each part is moved out of `chunks`, so that the joining frees it as it copies it.
    static func joined(_ chunks: inout [Chunk], path: String, firstLine: Int) throws -> RawRatings {
        var parts: [RawRatings] = []
        parts.reserveCapacity(chunks.count)
        var line = firstLine
        for index in chunks.indices {
            switch chunks[index].ratings {
            case let .success(raw):
                parts.append(raw)
            case let .failure(error):
                if case let DataError.malformedLine(path, local, reason) = error {
                    throw DataError.malformedLine(path: path, line: line + local - 1, reason: reason)
                }
                throw error
            }
            chunks[index].ratings = .success(RawRatings(path: path))
            line += chunks[index].lineEnds
        }
        chunks = []
        return RawRatings(concatenating: &parts, path: path)
    }

    /// Bytes parsed so far over all parts, reported to the reading's progress phase.
    final class ParsedBytes: @unchecked Sendable {
        private let lock = NSLock()
        private var done = 0
        private let progress: ProgressPhase

        init(_ progress: ProgressPhase) {
            self.progress = progress
        }

        func add(_ count: Int) {
            lock.lock()
            done += count
            let total = done
            lock.unlock()
            progress.update(done: total)
        }
    }
}
