import CFConfig
import Foundation

extension DatasetLoader {
    /// Loads a generic ratings file laid out as `options` says (columns by index or header name).
    ///
    /// Ids may be any text (integers sort numerically, anything else by UTF-8 bytes). The
    /// timestamp column is optional: by name it is skipped when the header lacks it, by
    /// index when the first record is too short; missing timestamps are 0.
    ///
    /// Ratings must lie on `ratingRange` when it is given; without it the observed range
    /// is taken, and a note in `Dataset.notes` says so.
    public static func loadCSV(
        path: String, options: CSVOptions, duplicates: DataConfig.DuplicatePolicy = .last,
        ratingRange: ClosedRange<Double>? = nil
    ) throws -> Dataset {
        guard let delimiter = delimiterBytes(options.delimiter) else {
            throw DataError.invalidConfiguration("data.csv.delimiter must be one or two characters, got `\(options.delimiter)`")
        }
        let first = try RatingsFileReader.firstRecord(of: path, delimiter: delimiter, honorsQuotes: true)
        guard !first.isEmpty else {
            throw DataError.malformedLine(path: path, line: 1, reason: "the ratings file is empty (no ratings, only blank lines or nothing)")
        }
        func column(_ reference: ColumnRef, _ role: String) throws -> Int {
            switch reference {
            case let .index(index):
                return index
            case let .name(name):
                guard options.header else {
                    throw DataError.invalidConfiguration("data.csv: column `\(name)` is named, but `header` is false")
                }
                guard let index = first.firstIndex(of: name) else {
                    throw DataError.malformedLine(
                        path: path, line: 1,
                        reason: "no \(role) column named `\(name)` in the header (\(first.joined(separator: ", ")))")
                }
                return index
            }
        }
        var timestampColumn: Int?
        switch options.timestamp {
        case .none: timestampColumn = nil
        case let .index(index)?: timestampColumn = index < first.count ? index : nil
        case let .name(name)?: timestampColumn = options.header ? first.firstIndex(of: name) : nil
        }
        let format = RatingsFormat(
            delimiter: delimiter, honorsQuotes: true, header: options.header ? .present : .none,
            userColumn: try column(options.user, "user"), itemColumn: try column(options.item, "item"),
            ratingColumn: try column(options.rating, "rating"), timestampColumn: timestampColumn,
            fieldCount: nil, allowsTextIds: true)
        let stated = RatingScale(stated: ratingRange)
        let raw = try RatingsFileReader.read(path: path, format: format, scale: stated)
        let assembled = try RatingsAssembler.assemble(consume raw, format: format, duplicates: duplicates)
        var dataset = Dataset(
            name: ((path as NSString).lastPathComponent as NSString).deletingPathExtension, source: "csv", path: path,
            ratings: assembled.ratings, users: assembled.users, items: assembled.items,
            itemInfo: ItemCatalog.infos(for: assembled.items, catalog: [:]),
            fingerprint: Fingerprint.of(assembled.ratings, users: assembled.users, items: assembled.items),
            ratingScale: stated)
        if stated == nil { dataset.notes.append(RatingScale.observedNote(dataset.ratingScale)) }
        return dataset
    }

    /// The bytes of a one- or two-character delimiter; `\t` and `tab` mean a tab.
    static func delimiterBytes(_ text: String) -> [UInt8]? {
        if text == "\\t" || text == "tab" { return [0x09] }
        let bytes = Array(text.utf8)
        return (1...2).contains(bytes.count) ? bytes : nil
    }
}
