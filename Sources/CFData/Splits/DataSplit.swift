/// Train, validation and optional test parts of a dataset, in the dataset's dense ids.
public struct DataSplit: Sendable {
    public var train: RatingSet
    public var valid: RatingSet
    public var test: RatingSet?
    /// SHA-256 over the split definition and the membership of every part.
    public var fingerprint: String

    public init(train: RatingSet, valid: RatingSet, test: RatingSet?, fingerprint: String) {
        self.train = train
        self.valid = valid
        self.test = test
        self.fingerprint = fingerprint
    }

    /// The validation part followed by the test part: every rating outside training,
    /// for a split whose parts cover its dataset (every kind but `predefined`).
    public var heldOut: RatingSet {
        guard let test else { return valid }
        var rest = valid
        rest.reserveCapacity(valid.count + test.count)
        rest.users += test.users
        rest.items += test.items
        rest.ratings += test.ratings
        if rest.hasTimestamps && test.hasTimestamps { rest.timestamps += test.timestamps } else { rest.releaseTimestamps() }
        return rest
    }

    /// Drops every part's timestamps (see `RatingSet.releaseTimestamps`): once a split is
    /// made, training and evaluation read users, items and ratings only, and at the
    /// MovieLens 20M shape the timestamps are 160 MB.
    public mutating func releaseTimestamps() {
        train.releaseTimestamps()
        valid.releaseTimestamps()
        test?.releaseTimestamps()
    }
}
