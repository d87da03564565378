import CFCore

/// The figures `cflab data info` shows about a dataset: sizes, rating scale, activity, fingerprint.
public struct DatasetSummary: Equatable, Sendable {
    /// Minimum, median and maximum of a count per user or per item.
    public struct Spread: Equatable, Sendable {
        public var minimum: Int
        /// The median; the mean of the two middle values for an even count.
        public var median: Double
        public var maximum: Int

        init(_ counts: [Int]) {
            let sorted = counts.sorted()
            minimum = sorted.first ?? 0
            maximum = sorted.last ?? 0
            if sorted.isEmpty {
                median = 0
            } else if sorted.count % 2 == 1 {
                median = Double(sorted[sorted.count / 2])
            } else {
                median = Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            }
        }
    }

    public var name: String
    public var source: String
    public var path: String?
    public var ratingCount: Int
    public var userCount: Int
    public var itemCount: Int
    public var ratingMin: Float
    public var ratingMax: Float
    public var ratingMean: Double
    /// Each distinct rating value with its count, ascending by value.
    public var histogram: [(value: Float, count: Int)]
    /// 1 − ratings / (users · items).
    public var sparsity: Double
    public var ratingsPerUser: Spread
    public var ratingsPerItem: Spread
    /// Names of the folds shipped with the data (ml-100k: u1...u5, ua, ub).
    public var predefinedFolds: [String]
    public var fingerprint: String
    /// The scale the ratings were checked against (see `Dataset.ratingScale`).
    public var ratingScale: RatingScale
    /// Rated items missing from the catalogue, and their ratings (0 when all are listed).
    public var uncataloguedItems: Int
    public var uncataloguedRatings: Int
    /// `Dataset.notes`: what the user should know about the data.
    public var notes: [String]

    public init(_ dataset: Dataset) {
        let ratings = dataset.ratings
        name = dataset.name
        source = dataset.source
        path = dataset.path
        ratingCount = ratings.count
        userCount = dataset.userCount
        itemCount = dataset.itemCount
        ratingMin = dataset.ratingMin
        ratingMax = dataset.ratingMax
        ratingMean = ratings.isEmpty ? 0 : ratings.ratings.reduce(0.0) { $0 + Double($1) } / Double(ratings.count)
        var counts: [Float: Int] = [:]
        for value in ratings.ratings { counts[value, default: 0] += 1 }
        histogram = counts.keys.sorted().map { (value: $0, count: counts[$0] ?? 0) }
        let cells = Double(userCount) * Double(itemCount)
        sparsity = cells > 0 ? 1 - Double(ratingCount) / cells : 0
        var perUser = [Int](repeating: 0, count: userCount)
        var perItem = [Int](repeating: 0, count: itemCount)
        for user in ratings.users { perUser[Int(user)] += 1 }
        for item in ratings.items { perItem[Int(item)] += 1 }
        ratingsPerUser = Spread(perUser)
        ratingsPerItem = Spread(perItem)
        predefinedFolds = dataset.predefinedFolds.keys.sorted()
        fingerprint = dataset.fingerprint
        ratingScale = dataset.ratingScale
        uncataloguedItems = dataset.uncataloguedItems.count
        uncataloguedRatings = dataset.uncataloguedRatingCount
        notes = dataset.notes
    }

    public static func == (lhs: DatasetSummary, rhs: DatasetSummary) -> Bool {
        lhs.json == rhs.json
    }
}
