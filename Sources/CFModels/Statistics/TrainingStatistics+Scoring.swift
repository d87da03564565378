import CFConfig

extension TrainingStatistics {
    /// The statistics a model scores with under an `evaluation.cold_start` rule: as
    /// measured for `fallback` (unseen users and items use the model's fallback), every
    /// id seen for `model` (unseen ones are scored with their untrained parameters).
    public func scoring(coldStart rule: EvaluationConfig.ColdStart) -> TrainingStatistics {
        switch rule {
        case .fallback: return self
        case .model: return treatingEveryoneAsSeen()
        }
    }

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
