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
        rest.timestamps += test.timestamps
        return rest
    }
}
