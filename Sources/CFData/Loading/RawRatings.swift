/// Raw ids of one column as read: integers while every id is one, otherwise text.
struct RawIdColumn: Sendable {
    var integers: [Int64] = []
    var texts: [String]?

    var count: Int { texts?.count ?? integers.count }

    mutating func reserve(_ capacity: Int) {
        integers.reserveCapacity(capacity)
    }

    /// Appends the id in `field`; false when it is not an integer and text ids are not allowed.
    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ field: FieldRange, allowsText: Bool) -> Bool {
        if texts == nil, let value = ByteParsing.integer(bytes, field) {
            integers.append(value)
            return true
        }
        guard allowsText else { return false }
        if texts == nil {
            texts = integers.map { String($0) }
            integers = []
        }
        let (start, end) = ByteParsing.trimmed(bytes, field)
        texts?.append(ByteParsing.string(bytes, FieldRange(start: start, end: end, hasEscapedQuotes: field.hasEscapedQuotes)))
        return true
    }
}

/// Ratings exactly as read from one file, in file order, before ids are made dense.
struct RawRatings: Sendable {
    var path: String
    var users = RawIdColumn()
    var items = RawIdColumn()
    var ratings: [Float] = []
    var timestamps: [Int64] = []

    var count: Int { ratings.count }

    init(path: String) {
        self.path = path
    }

    /// The ratings of `parts` one after another; each part's columns are freed as soon as
    /// they are copied, so the copy never holds much more than the ratings once. Parts
    /// must hold integer ids (text ids are read in one part).
    init(concatenating parts: inout [RawRatings], path: String) {
        self.path = path
        if parts.count == 1 {
            self = parts.removeLast()
            self.path = path
            return
        }
        let total = parts.reduce(0) { $0 + $1.count }
        users.reserve(total)
        items.reserve(total)
        ratings.reserveCapacity(total)
        timestamps.reserveCapacity(total)
        for index in parts.indices {
            users.integers.append(contentsOf: parts[index].users.integers)
            parts[index].users = RawIdColumn()
        }
        for index in parts.indices {
            items.integers.append(contentsOf: parts[index].items.integers)
            parts[index].items = RawIdColumn()
        }
        for index in parts.indices {
            ratings.append(contentsOf: parts[index].ratings)
            parts[index].ratings = []
        }
        for index in parts.indices {
            timestamps.append(contentsOf: parts[index].timestamps)
            parts[index].timestamps = []
        }
        parts = []
    }

    /// Whether an id column holds text ids.
    var hasTextIds: Bool { users.texts != nil || items.texts != nil }
}

/// How a ratings file is laid out.
struct RatingsFormat: Sendable {
    enum Header: Sendable {
        /// No header line.
        case none
        /// The first record is always a header.
        case present
        /// The first record is a header when its user field is not an integer.
        case detect
    }

    var delimiter: [UInt8]
    var honorsQuotes: Bool
    var header: Header
    var userColumn = 0
    var itemColumn = 1
    var ratingColumn = 2
    var timestampColumn: Int? = 3
    /// The exact number of fields per record; nil takes the first record's count.
    var fieldCount: Int?
    /// Ids that are not integers are kept as text (generic CSV) instead of rejected.
    var allowsTextIds = false

    /// `UserID<TAB>ItemID<TAB>Rating<TAB>Timestamp` (ml-100k's u.data and folds).
    static let tabSeparated = RatingsFormat(delimiter: [0x09], honorsQuotes: false, header: .none, fieldCount: 4)
    /// `userId,movieId,rating,timestamp` with a header (ml-latest-small, ml-20m and later).
    static let movieLensCSV = RatingsFormat(delimiter: [UInt8(ascii: ",")], honorsQuotes: true, header: .detect, fieldCount: 4)
    /// `UserID::MovieID::Rating::Timestamp` (ml-1m, ml-10m).
    static let doubleColon = RatingsFormat(
        delimiter: Array("::".utf8), honorsQuotes: false, header: .none, fieldCount: 4)
}
