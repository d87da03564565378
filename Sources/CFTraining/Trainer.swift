import CFConfig
import CFCore
import CFData
import CFModels

/// Trains one model on one split, reporting each epoch through a callback.
///
/// `run` measures `TrainingStatistics` on `split.train`, builds the model from the
/// tensors' `init` streams (`RandomStreams.parameterStreams()`), then per epoch: trains (`EpochRunner`), evaluates train and valid in
/// evaluation mode, tracks the best epoch on `valid_rmse` (train_rmse without a
/// validation set), and calls `onEpoch`. It never prints or stores anything.
/// Ranking metrics (`evaluation.ranking`, see `RankingEvaluator`) join each epoch's
/// metrics with `every: epoch`; with `every: end` they are measured after the loop on
/// the model's epoch (`modelEpoch`) and, from the snapshot, on the best epoch, so they
/// reach `finalMetrics` and `bestMetrics`. Test ranking metrics join `testMetrics`.
///
/// - A model without parameters (`global_mean`) cannot change, so it is evaluated once
///   and reported as a single epoch without `lr` and `ratings_per_second`, and its
///   `train_loss` is the training MSE.
/// - A NaN or infinite batch loss or metric ends the run with status `diverged`.
/// - `onEpoch` returning `.stop` ends the run as `stopped` only before its last epoch (or
///   its early-stopping epoch): a run whose every epoch was trained is `completed`, and
///   its end-of-run evaluation still runs.
/// - Early stopping restores the best epoch's parameters when `restore_best` is set;
///   `training.keep` only decides whether `bestParameters` is captured (it never changes
///   the model or the test metrics, so it stays outside the trial key).
/// - `training.blocks` > 1 trains DSGD blocks (`BlockEpochRunner`), as many at once as
///   `training.threads` allows; `threads` also splits large dense optimiser updates.
///   Neither split changes a result: results depend on `blocks`, never on `threads`.
/// - `training.threads` also splits the evaluations (`Evaluator`, `RankingEvaluator`),
///   which predict over threads and sum in a fixed order.
public final class Trainer {
    /// Builds the model to train from the config, the training statistics and the streams of its tensors.
    public typealias ModelMaker = (ExperimentConfig, TrainingStatistics, ParameterStreams) throws -> any RatingModel

    public let config: ExperimentConfig
    public let split: DataSplit
    public let streams: RandomStreams
    /// What the run's arithmetic means (the optimiser's subnormals, `RunSemantics`).
    public let semantics: RunSemantics
    public let statistics: TrainingStatistics
    /// The range predictions are clipped to when `evaluation.clip` is set.
    public let ratingRange: ClosedRange<Float>
    /// Progress inside an epoch: (epoch, steps done, steps per epoch). Never changes results.
    public var onProgress: ((Int, Int, Int) -> Void)?
    /// Whether block training's lanes keep compact gradients (`BlockTrainable.prepareLanes`);
    /// off only in tests, which show the two give the same bits.
    var compactBlockGradients = true
    private let makeModel: ModelMaker

    /// - Parameters:
    ///   - userCount, itemCount: the dataset's dense id counts (not just the training part's).
    ///   - ratingRange: the data's rating range for clipping; default the training range.
    ///   - semantics: the run's semantics: the optimiser's subnormals, and the default
    ///     model's `global_mean` rule.
    ///   - makeModel: builds the model; default `ModelFactory.make(experiment:)` under `semantics`.
    public init(
        config: ExperimentConfig, split: DataSplit, userCount: Int, itemCount: Int,
        ratingRange: ClosedRange<Float>? = nil, streams: RandomStreams, semantics: RunSemantics = .current,
        makeModel: ModelMaker? = nil
    ) throws {
        try Self.validate(config: config, split: split, userCount: userCount, itemCount: itemCount)
        self.config = config
        self.split = split
        self.streams = streams
        self.semantics = semantics
        self.makeModel = makeModel ?? { try ModelFactory.make(experiment: $0, statistics: $1, streams: $2, semantics: semantics) }
        statistics = TrainingStatistics(
            training: split.train, userCount: userCount, itemCount: itemCount, baselines: config.model.biasInit == .data,
            ratedItems: config.model.kind == .dotBias && config.model.implicit)
        self.ratingRange = ratingRange ?? statistics.ratingMin...statistics.ratingMax
    }

    /// Trains and returns the result; `onEpoch` sees every epoch and may stop the run.
    public func run(onEpoch: (EpochReport) -> TrainingControl) throws -> TrainingResult {
        let model = try makeModel(config, statistics, streams.parameterStreams())
        let parameters = model.parameters
        let savedTensors = model.savedTensors
        let runner = parameters.isEmpty ? nil : try makeRunner(model)
        var currentEpoch = 0
        if let onProgress {
            runner?.onProgress = { done, total in onProgress(currentEpoch, done, total) }
        }
        let stopping = config.training.earlyStopping
        let restoreBest = stopping?.restoreBest ?? false
        var tracker = BestEpochTracker(patience: stopping?.patience, minDelta: stopping?.minDelta ?? 0)
        var snapshot = (restoreBest || config.training.keep == .best) && !parameters.isEmpty
            ? ParameterSnapshot(shapedLike: savedTensors) : nil
        let evaluator = Evaluator(threads: config.training.threads)
        let ranking = makeRankingEvaluator()
        var reports: [EpochReport] = []
        var status = TrainingResult.Status.completed
        var earlyStopped = false
        let epochs = runner == nil ? 1 : config.training.epochs

        for epoch in 1...epochs {
            currentEpoch = epoch
            let report = trainAndEvaluate(epoch: epoch, runner: runner, model: model, evaluator: evaluator, ranking: ranking)
            reports.append(report)
            let monitored = report.metrics[MetricName.validRMSE] ?? report.metrics[MetricName.trainRMSE] ?? .nan
            let diverged = report.metrics.values.contains { !$0.isFinite }
            if !diverged, tracker.record(epoch: epoch, value: monitored) {
                snapshot?.capture(from: savedTensors)
            }
            let control = onEpoch(report)
            if diverged {
                status = .diverged
                break
            }
            if tracker.shouldStop && epoch < epochs {
                earlyStopped = true
                break
            }
            // A stop asked for after the last epoch changes nothing: the run is trained.
            if control == .stop && epoch < epochs {
                status = .stopped
                break
            }
        }
        FaultPoint.hit("during-final-evaluation")

        var modelEpoch = reports.count
        if restoreBest, let best = tracker.bestEpoch, best != modelEpoch, let snapshot {
            snapshot.restore(into: savedTensors)
            modelEpoch = best
        }
        addEndRankingMetrics(
            ranking, to: &reports, modelEpoch: modelEpoch, bestEpoch: tracker.bestEpoch, bestParameters: snapshot,
            model: model, status: status
        )
        let bestMetrics = tracker.bestEpoch.map { reports[$0 - 1].metrics } ?? [:]
        return TrainingResult(
            status: status, earlyStopped: earlyStopped, epochs: reports, bestEpoch: tracker.bestEpoch,
            bestMetrics: bestMetrics, finalMetrics: reports.last?.metrics ?? [:],
            testMetrics: split.test.map {
                evaluator.evaluate(
                    model: model, on: $0, statistics: statistics, clip: config.evaluation.clip, ratingRange: ratingRange
                ).merging(testRankingMetrics(ranking, model: model, status: status)) { $1 }
            },
            modelEpoch: modelEpoch, bestParameters: tracker.bestEpoch == nil ? nil : snapshot, model: model
        )
    }

    /// The epoch loop for `model`: one shuffled order, or DSGD blocks (`training.blocks` > 1).
    private func makeRunner(_ model: any RatingModel) throws -> any EpochRunning {
        let training = config.training
        let optimizer = OptimizerFactory.make(
            config: config.optimizer, parameters: model.parameters, schedule: config.schedule, threads: training.threads,
            semantics: semantics)
        let schedule = Schedule(
            config: config.schedule, learningRate: config.optimizer.learningRate,
            beta1: OptimizerFactory.baseBeta1(of: config.optimizer))
        if training.shards > 1 {
            guard let sharded = model as? any ShardTrainable else {
                throw TrainingError.invalidSetting(
                    key: "training.shards", message: "needs model.kind nn (got \(model.kind.rawValue)); dot and dot_bias use training.blocks")
            }
            sharded.useShards(training.shards, threads: training.threads)
        }
        guard training.blocks > 1 else {
            return EpochRunner(
                model: model, optimizer: optimizer, schedule: schedule, train: split.train, batchSize: training.batchSize,
                epochs: training.epochs, streams: streams)
        }
        guard let blockModel = model as? any BlockTrainable, blockModel.trainsInBlocks, !config.optimizer.dense else {
            throw TrainingError.invalidSetting(
                key: "training.blocks",
                message: "needs a model whose every parameter is a row table (dot, dot_bias without implicit, biases) and a lazy optimizer; got \(model.kind.rawValue)\(config.model.implicit ? " with model.implicit" : "")\(config.optimizer.dense ? " with optimizer.dense" : "")")
        }
        return BlockEpochRunner(
            model: blockModel, optimizer: optimizer, schedule: schedule, train: split.train,
            userCount: statistics.userCount, itemCount: statistics.itemCount, batchSize: training.batchSize,
            epochs: training.epochs, blocks: training.blocks, threads: training.threads, streams: streams,
            compactGradients: compactBlockGradients)
    }

    /// One epoch: the training steps (if the model has parameters), then both evaluations.
    private func trainAndEvaluate(
        epoch: Int, runner: (any EpochRunning)?, model: any RatingModel, evaluator: Evaluator, ranking: RankingEvaluator?
    ) -> EpochReport {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = runner?.runEpoch()
        model.finishEpoch()
        let trainingSeconds = Self.seconds(clock.now - start)
        let clip = config.evaluation.clip
        let train = evaluator.evaluate(model: model, on: split.train, statistics: statistics, clip: clip, ratingRange: ratingRange)
        let valid = evaluator.evaluate(model: model, on: split.valid, statistics: statistics, clip: clip, ratingRange: ratingRange)
        let trainRMSE = train[Evaluator.rmse] ?? .nan
        var metrics: [String: Double] = [
            MetricName.trainLoss: outcome?.meanBatchLoss ?? trainRMSE * trainRMSE,
            MetricName.trainRMSE: trainRMSE,
            MetricName.coldStart: valid[Evaluator.coldStart] ?? 0,
        ]
        metrics[MetricName.validRMSE] = valid[Evaluator.rmse]
        metrics[MetricName.validMAE] = valid[Evaluator.mae]
        if let outcome {
            metrics[MetricName.learningRate] = outcome.learningRate
            metrics[MetricName.ratingsPerSecond] = trainingSeconds > 0 ? Double(outcome.ratings) / trainingSeconds : 0
        }
        metrics.merge(epochRankingMetrics(ranking, model: model)) { $1 }
        metrics[MetricName.seconds] = Self.seconds(clock.now - start)
        return EpochReport(epoch: epoch, metrics: metrics, trace: outcome?.trace ?? [])
    }

    /// `ModelFactory.make(experiment:)`: the config's `model` section under its cold-start rule.
    public static func makeModelFromConfig(
        _ config: ExperimentConfig, _ statistics: TrainingStatistics, _ streams: ParameterStreams
    ) throws -> any RatingModel {
        try ModelFactory.make(experiment: config, statistics: statistics, streams: streams)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
