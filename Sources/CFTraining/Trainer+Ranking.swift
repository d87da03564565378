import CFConfig
import CFData
import CFModels

extension Trainer {
    /// The ranking evaluator `evaluation.ranking` asks for, or nil for `every: never`.
    func makeRankingEvaluator() -> RankingEvaluator? {
        let ranking = config.evaluation.ranking
        guard ranking.every != .never, ranking.k.contains(where: { $0 > 0 }) else { return nil }
        return RankingEvaluator(
            config: ranking, training: split.train, userCount: statistics.userCount, itemCount: statistics.itemCount,
            threads: config.training.threads
        )
    }

    /// Validation ranking metrics for one epoch's report (`every: epoch`), else none.
    func epochRankingMetrics(_ ranking: RankingEvaluator?, model: any RatingModel) -> [String: Double] {
        guard let ranking, config.evaluation.ranking.every == .epoch, !split.valid.isEmpty else { return [:] }
        return ranking.evaluate(model: model, heldOut: split.valid, phase: "ranking on valid")
    }

    /// With `every: end`, adds validation ranking metrics to the report of `modelEpoch`
    /// (the parameters the model holds) and, when `bestParameters` holds another epoch's
    /// parameters, to the best epoch's report too, putting the model back afterwards.
    func addEndRankingMetrics(
        _ ranking: RankingEvaluator?, to reports: inout [EpochReport], modelEpoch: Int, bestEpoch: Int?,
        bestParameters: ParameterSnapshot?, model: any RatingModel, status: TrainingResult.Status
    ) {
        guard let ranking, config.evaluation.ranking.every == .end, status == .completed, !split.valid.isEmpty else { return }
        reports[modelEpoch - 1].metrics.merge(ranking.evaluate(model: model, heldOut: split.valid, phase: "ranking on valid")) { $1 }
        guard let bestEpoch, bestEpoch != modelEpoch, let bestParameters else { return }
        let tensors = model.savedTensors
        var current = ParameterSnapshot(shapedLike: tensors)
        current.capture(from: tensors)
        bestParameters.restore(into: tensors)
        reports[bestEpoch - 1].metrics.merge(ranking.evaluate(model: model, heldOut: split.valid, phase: "ranking on valid")) { $1 }
        current.restore(into: tensors)
    }

    /// Test ranking metrics of the model a completed run ends with (any `every` but `never`).
    func testRankingMetrics(_ ranking: RankingEvaluator?, model: any RatingModel, status: TrainingResult.Status) -> [String: Double] {
        guard let ranking, status == .completed, let test = split.test, !test.isEmpty else { return [:] }
        return ranking.evaluate(model: model, heldOut: test, phase: "ranking on test")
    }
}
