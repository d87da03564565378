import CFData

/// Which (user, item) pairs of a split were rated, and how: the training part, and the
/// rest of the data (validation and test, and anything a split left out).
///
/// Analyses use it to keep training-rated items out of recommendations (or every rated
/// item, with `held out` included) and to list the ratings two users share.
public struct RatedPairs: Equatable, Sendable {
    /// The training ratings, by dense user id.
    public var training: UserRatings
    /// The data's ratings of pairs not in `training`, by dense user id.
    public var heldOut: UserRatings

    public init(training: UserRatings, heldOut: UserRatings) {
        self.training = training
        self.heldOut = heldOut
    }

    /// The pairs of `dataset`, split into `training` and the rest: the rest of
    /// `dataset.ratings`, or `heldOut` when it is given (the ratings of the dataset outside
    /// `training`, once the dataset's own are released; the same pairs then).
    public init(dataset: Dataset, training: RatingSet, heldOut: RatingSet? = nil) {
        precondition(heldOut != nil || !dataset.hasReleasedRatings, "the ratings outside training are needed once the dataset's are released")
        let trained = UserRatings(training, userCount: dataset.userCount)
        let rest = UserRatings(heldOut ?? dataset.ratings, userCount: dataset.userCount)
        self.init(training: trained, heldOut: rest.subtracting(trained))
    }

    /// Whether `user` rated `item` in training, or anywhere when `includingHeldOut`.
    public func contains(user: Int32, item: Int32, includingHeldOut: Bool) -> Bool {
        training.rating(user: user, item: item) != nil
            || (includingHeldOut && heldOut.rating(user: user, item: item) != nil)
    }
}
