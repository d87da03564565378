import CFData

/// What analyses need of a split's data without the raw files: id maps, titles and
/// genres, per-user and per-item training rating counts and means, and which pairs
/// were rated in training and outside it.
///
/// Stored once per split fingerprint (every trial of a sweep shares its split), and
/// found from a run through `runs.split_fingerprint`.
public struct DataMetadata: Equatable, Sendable {
    public var dataFingerprint: String
    public var splitFingerprint: String
    /// Raw user ids by dense id.
    public var users: IdMap
    /// Raw item ids by dense id.
    public var items: IdMap
    /// Title and genres by dense item id.
    public var itemInfo: [ItemInfo]
    /// Training ratings per dense user id, and their mean (0 where the count is 0).
    public var userCounts: [Int32]
    public var userMeans: [Float]
    /// Training ratings per dense item id, and their mean (0 where the count is 0).
    public var itemCounts: [Int32]
    public var itemMeans: [Float]
    /// Smallest and largest training rating.
    public var ratingMin: Float
    public var ratingMax: Float
    /// Mean of the training ratings.
    public var globalMean: Float
    /// Number of training ratings.
    public var trainCount: Int
    /// The rated (user, item) pairs with their ratings; nil for a split stored by a
    /// cflab that did not keep them.
    public var ratedPairs: RatedPairs?

    /// The items an embedding analysis uses (the PCA basis of `cflab inspect` and of the
    /// report alike): trained items with at least `minimumRatings` training ratings (and
    /// at least one, so never an item the model never saw), in dense id order.
    public func analysedItems(minimumRatings: Int) -> [Int] {
        let least = max(1, minimumRatings)
        return itemCounts.indices.filter { Int(itemCounts[$0]) >= least }
    }

    public init(
        dataFingerprint: String, splitFingerprint: String, users: IdMap, items: IdMap, itemInfo: [ItemInfo],
        userCounts: [Int32], userMeans: [Float], itemCounts: [Int32], itemMeans: [Float],
        ratingMin: Float, ratingMax: Float, globalMean: Float, trainCount: Int, ratedPairs: RatedPairs? = nil
    ) {
        self.dataFingerprint = dataFingerprint
        self.splitFingerprint = splitFingerprint
        self.users = users
        self.items = items
        self.itemInfo = itemInfo
        self.userCounts = userCounts
        self.userMeans = userMeans
        self.itemCounts = itemCounts
        self.itemMeans = itemMeans
        self.ratingMin = ratingMin
        self.ratingMax = ratingMax
        self.globalMean = globalMean
        self.trainCount = trainCount
        self.ratedPairs = ratedPairs
    }

    /// The metadata of `dataset` with statistics over its `training` ratings; the pairs
    /// outside `training` are the held-out ones: those of `heldOut` when it is given (the
    /// split's other parts, for a dataset whose ratings were released), otherwise the
    /// dataset's.
    public init(dataset: Dataset, training: RatingSet, splitFingerprint: String, heldOut: RatingSet? = nil) {
        var userCounts = [Int32](repeating: 0, count: dataset.userCount)
        var itemCounts = [Int32](repeating: 0, count: dataset.itemCount)
        var userSums = [Double](repeating: 0, count: dataset.userCount)
        var itemSums = [Double](repeating: 0, count: dataset.itemCount)
        var total = 0.0
        for index in 0..<training.count {
            let user = Int(training.users[index]), item = Int(training.items[index])
            let rating = Double(training.ratings[index])
            userCounts[user] += 1
            itemCounts[item] += 1
            userSums[user] += rating
            itemSums[item] += rating
            total += rating
        }
        func means(_ sums: [Double], _ counts: [Int32]) -> [Float] {
            zip(sums, counts).map { $1 > 0 ? Float($0 / Double($1)) : 0 }
        }
        self.init(
            dataFingerprint: dataset.fingerprint, splitFingerprint: splitFingerprint,
            users: dataset.users, items: dataset.items, itemInfo: dataset.itemInfo,
            userCounts: userCounts, userMeans: means(userSums, userCounts),
            itemCounts: itemCounts, itemMeans: means(itemSums, itemCounts),
            ratingMin: training.ratings.min() ?? 0, ratingMax: training.ratings.max() ?? 0,
            globalMean: training.isEmpty ? 0 : Float(total / Double(training.count)), trainCount: training.count,
            ratedPairs: RatedPairs(dataset: dataset, training: training, heldOut: heldOut)
        )
    }
}
