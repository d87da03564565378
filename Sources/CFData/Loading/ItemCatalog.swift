/// Titles and genres by raw item id, read from MovieLens metadata files.
///
/// Text is decoded as UTF-8 when the whole file is valid UTF-8, else as ISO-8859-1
/// (the GroupLens u.item and ml-1m movies.dat). `(no genres listed)` becomes no genres.
enum ItemCatalog {
    /// The 19 genres of ml-100k, in flag order, for when u.genre is absent.
    static let ml100kGenres = [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
        "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ]

    /// `movieId,title,genres` with a header (ml-latest-small, ml-20m and later).
    static func movieLensCSV(path: String) throws -> [String: ItemInfo] {
        try read(path: path, delimiter: [UInt8(ascii: ",")], honorsQuotes: true, idName: "movieId") { fields, text, line in
            guard fields == 3 else { throw DataError.malformedLine(path: path, line: line, reason: "expected 3 fields, found \(fields)") }
            return ItemInfo(title: text(1), genres: splitGenres(text(2)))
        }
    }

    /// `MovieID::Title::Genres` (ml-1m, ml-10m).
    static func doubleColon(path: String) throws -> [String: ItemInfo] {
        try read(path: path, delimiter: Array("::".utf8), honorsQuotes: false, idName: "MovieID") { fields, text, line in
            guard fields == 3 else { throw DataError.malformedLine(path: path, line: line, reason: "expected 3 fields, found \(fields)") }
            return ItemInfo(title: text(1), genres: splitGenres(text(2)))
        }
    }

    /// ml-100k's `u.item`: `id|title|release|video|url|` then one 0/1 flag per genre.
    static func ml100k(itemPath: String, genrePath: String?) throws -> [String: ItemInfo] {
        let names = try genrePath.map(genreNames(path:)) ?? ml100kGenres
        return try read(path: itemPath, delimiter: [UInt8(ascii: "|")], honorsQuotes: false, idName: "movie id") { fields, text, line in
            guard fields >= 5 else { throw DataError.malformedLine(path: itemPath, line: line, reason: "expected 24 fields, found \(fields)") }
            var genres: [String] = []
            for flag in 5..<fields where text(flag) == "1" {
                let index = flag - 5
                genres.append(index < names.count ? names[index] : "genre \(index)")
            }
            return ItemInfo(title: text(1), genres: genres)
        }
    }

    /// The genre names of `u.genre` (`name|index` lines), ordered by index.
    static func genreNames(path: String) throws -> [String] {
        var named: [(Int, String)] = []
        _ = try read(path: path, delimiter: [UInt8(ascii: "|")], honorsQuotes: false, idColumn: 1, idName: "genre index") { fields, text, line in
            guard fields == 2, let index = Int(text(1)) else {
                throw DataError.malformedLine(path: path, line: line, reason: "expected `name|index`")
            }
            named.append((index, text(0)))
            return ItemInfo(title: text(0), genres: [])
        }
        return named.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Item infos in dense order; items without metadata get the title `item <raw id>`.
    static func infos(for map: IdMap, catalog: [String: ItemInfo]) -> [ItemInfo] {
        map.rawIds.map { catalog[$0] ?? ItemInfo(title: "item \($0)", genres: []) }
    }

    static func splitGenres(_ text: String) -> [String] {
        guard !text.isEmpty, text != "(no genres listed)" else { return [] }
        return text.split(separator: "|").map(String.init)
    }

    /// Reads every record; `make(fieldCount, text(of:), line)` builds the info of one id.
    /// An id that appears twice is an error naming both lines.
    private static func read(
        path: String, delimiter: [UInt8], honorsQuotes: Bool, idColumn: Int = 0, idName: String,
        _ make: (Int, (Int) -> String, Int) throws -> ItemInfo
    ) throws -> [String: ItemInfo] {
        try RatingsFileReader.withBytes(of: path) { bytes in
            try TextCheck.refuseNUL(bytes, path: path)
            let latin1 = !ByteParsing.isValidUTF8(bytes)
            var scanner = RecordScanner(bytes: bytes, path: path, delimiter: delimiter, honorsQuotes: honorsQuotes)
            var fields: [FieldRange] = []
            var catalog: [String: ItemInfo] = [:]
            var firstLines: [String: Int] = [:]
            var isFirst = true
            while let line = try scanner.next(into: &fields) {
                let id = ByteParsing.integer(bytes, fields[min(idColumn, fields.count - 1)])
                if isFirst, id == nil, idColumn == 0 {
                    isFirst = false
                    continue
                }
                isFirst = false
                let current = fields
                let info = try make(fields.count, { ByteParsing.string(bytes, current[$0], latin1: latin1) }, line)
                guard let id else {
                    throw DataError.malformedLine(path: path, line: line, reason: "item id `\(ByteParsing.string(bytes, fields[0]))` is not an integer")
                }
                let key = String(id)
                if let first = firstLines[key] {
                    throw DataError.malformedLine(
                        path: path, line: line, reason: "duplicate \(idName) \(key) (first at line \(first)); each must appear once")
                }
                firstLines[key] = line
                catalog[key] = info
            }
            return catalog
        }
    }
}
