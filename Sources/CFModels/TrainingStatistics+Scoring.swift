extension TrainingStatistics {
    /// The same statistics with every user and item marked as seen, so that a model scores
    /// unseen ones with their untrained parameters instead of its cold-start fallback
    /// (`evaluation.cold_start: model`, how the source notebooks evaluate).
    public func treatingEveryoneAsSeen() -> TrainingStatistics {
        var copy = self
        copy.userSeen = [Bool](repeating: true, count: userSeen.count)
        copy.itemSeen = [Bool](repeating: true, count: itemSeen.count)
        return copy
    }
}
