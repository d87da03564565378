/// Title and genres of one item, joined in from movies.csv / u.item.
public struct ItemInfo: Equatable, Sendable {
    public var title: String
    public var genres: [String]

    public init(title: String, genres: [String]) {
        self.title = title
        self.genres = genres
    }
}

/// A loaded ratings dataset: dense-id ratings, both id maps, item metadata, fingerprint.
public struct Dataset: Sendable {
    /// Short name (`ml-100k`, `synthetic`, a file stem).
    public var name: String
    /// `movielens`, `csv` or `synthetic`.
    public var source: String
    /// Where it was read from, or nil for generated data.
    public var path: String?
    public var ratings: RatingSet
    public var users: IdMap
    public var items: IdMap
    /// Metadata per dense item id; titles default to "item <raw id>" when unknown.
    public var itemInfo: [ItemInfo]
    /// Smallest and largest rating in the data.
    public var ratingMin: Float
    public var ratingMax: Float
    /// SHA-256 of the sorted canonical ratings (see `Fingerprint`).
    public var fingerprint: String
    /// Predefined folds shipped with the data (ml-100k: u1...u5, ua, ub), as ratings in
    /// the same dense ids: name -> (train, test).
    public var predefinedFolds: [String: (train: RatingSet, test: RatingSet)]
    /// The scale every rating was checked against: a MovieLens release's known scale,
    /// the stated `data.rating_range`, or (origin "the observed range") the data's own.
    public var ratingScale: RatingScale
    /// What a user should know about the data, one sentence each, for the CLI to print:
    /// the scale taken from the data, a missing catalogue, ratings of uncatalogued items.
    public var notes: [String]
    /// Raw ids of rated items that the catalogue (movies.csv, u.item, movies.dat) lacks,
    /// with the number of ratings they hold; empty when there is no catalogue at all.
    public var uncataloguedItems: [String]
    public var uncataloguedRatingCount: Int
    /// The number of ratings that `releaseRatings()` released; nil while they are here.
    private var releasedRatingCount: Int?

    public init(
        name: String, source: String, path: String?, ratings: RatingSet, users: IdMap, items: IdMap,
        itemInfo: [ItemInfo], fingerprint: String,
        predefinedFolds: [String: (train: RatingSet, test: RatingSet)] = [:],
        ratingScale: RatingScale? = nil, notes: [String] = [],
        uncataloguedItems: [String] = [], uncataloguedRatingCount: Int = 0
    ) {
        self.name = name
        self.source = source
        self.path = path
        self.ratings = ratings
        self.users = users
        self.items = items
        self.itemInfo = itemInfo
        self.ratingMin = ratings.ratings.min() ?? 0
        self.ratingMax = ratings.ratings.max() ?? 0
        self.fingerprint = fingerprint
        self.predefinedFolds = predefinedFolds
        self.ratingScale = ratingScale
            ?? RatingScale(low: Double(ratingMin), high: Double(ratingMax), origin: "the observed range")
        self.notes = notes
        self.uncataloguedItems = uncataloguedItems
        self.uncataloguedRatingCount = uncataloguedRatingCount
    }

    public var userCount: Int { users.count }
    public var itemCount: Int { items.count }

    /// How many ratings the data holds, also once its rating columns are released.
    public var ratingCount: Int { releasedRatingCount ?? ratings.count }

    /// Whether `releaseRatings()` emptied the rating columns.
    public var hasReleasedRatings: Bool { releasedRatingCount != nil }

    /// Empties the rating columns and keeps everything else, `ratingCount` included: for
    /// a run whose split is made, which needs the parts and no longer the whole. The
    /// memory is freed when no other copy of the dataset holds the columns.
    public mutating func releaseRatings() {
        guard !hasReleasedRatings else { return }
        releasedRatingCount = ratings.count
        ratings = RatingSet()
    }
}
