import CFConfig
import CFCore
import CFData
import CFExperiment
import CFModels
import CFTraining
import Foundation

/// Times one bench case in this process and returns its row (`BenchRow`).
struct BenchMeasurement {
    var epochs: Int
    var threads: Int
    var quick = false
    var overrides: [String] = []

    func measure(_ benchCase: BenchCase) throws -> JSONValue {
        let shape = benchCase.shape(quick: quick)
        switch benchCase.work {
        case .training:
            let file = try ConfigLoader.parse(yaml: experimentYAML(benchCase, shape: shape), fileName: "bench-\(benchCase.name)",
                                              overrides: overrides)
            return try train(file, name: benchCase.name, benchCase: benchCase, shape: shape)
        case .loading:
            let folder = try BenchData.prepare(shape)
            var seconds: [Double] = []
            var count = 0
            for _ in 0..<epochs {
                let (dataset, elapsed) = try timed { try DatasetLoader.loadMovieLens(folder: folder) }
                seconds.append(elapsed)
                count = dataset.ratings.count
            }
            return BenchRow.make(benchCase, shape: shape, trainRatings: count, threads: 1, seconds: seconds,
                                 rates: seconds.map { Double(count) / $0 }, validRMSE: nil)
        case .splitting:
            let dataset = try DatasetLoader.loadMovieLens(folder: try BenchData.prepare(shape))
            var seconds: [Double] = []
            for _ in 0..<epochs {
                seconds.append(try timed { try Splitter.split(dataset, config: SplitConfig(), seed: 1) }.seconds)
            }
            let count = dataset.ratings.count
            return BenchRow.make(benchCase, shape: shape, trainRatings: count, threads: 1, seconds: seconds,
                                 rates: seconds.map { Double(count) / $0 }, validRMSE: nil)
        case .ranking, .validation:
            let file = try ConfigLoader.parse(yaml: experimentYAML(benchCase, shape: shape), fileName: "bench-\(benchCase.name)",
                                              overrides: overrides)
            return try evaluate(file, benchCase: benchCase, shape: shape)
        }
    }

    /// Times `benchCase`'s evaluation of the file's model, untrained, once per repetition:
    /// the top-K ranking of every user on the valid part (rates are (user, item) pairs
    /// scored per second), or the valid part's RMSE (rates are valid ratings per second).
    func evaluate(_ file: ExperimentFile, benchCase: BenchCase, shape: DataShape) throws -> JSONValue {
        var config = file.config
        config.training.threads = threads
        var preparer = ExperimentPreparer(file: file)
        let experiment = try preparer.prepareAll([config])[0]
        let split = experiment.split
        let (users, items) = (experiment.dataset.userCount, experiment.dataset.itemCount)
        let statistics = TrainingStatistics(training: split.train, userCount: users, itemCount: items)
        let model = try ModelFactory.make(
            experiment: config, statistics: statistics, streams: experiment.streams.parameterStreams(), semantics: experiment.semantics)
        var seconds: [Double] = []
        var validRMSE: Double?
        let work: Double
        switch benchCase.work {
        case .ranking:
            let ranking = RankingEvaluator(
                config: config.evaluation.ranking, training: split.train, userCount: users, itemCount: items, threads: threads)
            for _ in 0..<epochs {
                seconds.append(timed { ranking.evaluate(model: model, heldOut: split.valid) }.seconds)
            }
            work = Double(users) * Double(items)
        default:
            let evaluator = Evaluator(threads: threads)
            let range = experiment.dataset.ratingMin...experiment.dataset.ratingMax
            for _ in 0..<epochs {
                let (metrics, elapsed) = timed {
                    evaluator.evaluate(model: model, on: split.valid, statistics: statistics, clip: config.evaluation.clip, ratingRange: range)
                }
                seconds.append(elapsed)
                validRMSE = metrics[Evaluator.rmse]
            }
            work = Double(split.valid.count)
        }
        return BenchRow.make(benchCase, shape: shape, trainRatings: split.train.count, threads: threads, seconds: seconds,
                             rates: seconds.map { work / $0 }, validRMSE: validRMSE)
    }

    /// Trains `file` for `epochs` epochs (no early stopping, no ranking) and times each epoch.
    func train(_ file: ExperimentFile, name: String, benchCase: BenchCase? = nil, shape: DataShape? = nil) throws -> JSONValue {
        var config = file.config
        config.training.epochs = epochs
        config.training.earlyStopping = nil
        config.training.threads = threads
        config.evaluation.ranking.every = .never
        var preparer = ExperimentPreparer(file: file)
        let experiment = try preparer.prepareAll([config])[0]
        var reports: [EpochReport] = []
        _ = try trainer(experiment, steps: benchCase?.steps).run { reports.append($0); return .continue }
        let measured = benchCase ?? BenchCase.training(
            name, "the experiment file", shape: .ml100k, quick: .ml100k, model: "", modelLabel: config.model.kind.rawValue,
            optimizer: "", optimizerLabel: config.optimizer.kind.rawValue + (config.optimizer.dense ? " dense" : " lazy"),
            batchSize: config.training.batchSize)
        let data = shape ?? DataShape(users: experiment.dataset.userCount, items: experiment.dataset.itemCount,
                                      ratings: experiment.dataset.ratingCount)
        return BenchRow.make(
            measured, shape: data, trainRatings: experiment.split.train.count, threads: threads,
            seconds: reports.compactMap { $0.metrics[MetricName.seconds] },
            rates: reports.compactMap { $0.metrics[MetricName.ratingsPerSecond] },
            validRMSE: reports.last?.metrics[MetricName.validRMSE])
    }

    /// The experiment's trainer; with `steps`, on the first `steps` batches of the training
    /// part and a validation part of the same size, so that an epoch is `steps` steps.
    private func trainer(_ experiment: PreparedExperiment, steps: Int?) throws -> Trainer {
        guard let steps else { return try experiment.trainer() }
        let count = min(steps * experiment.config.training.batchSize, experiment.split.train.count)
        var split = experiment.split
        split.train = split.train.subset(0..<count)
        split.valid = split.valid.subset(0..<min(count, split.valid.count))
        split.test = nil
        return try Trainer(
            config: experiment.config, split: split, dataset: experiment.dataset, streams: experiment.streams,
            semantics: experiment.semantics)
    }

    /// The experiment file of a training or evaluation case (an evaluation case trains
    /// nothing: its optimiser and batch size are placeholders).
    func experimentYAML(_ benchCase: BenchCase, shape: DataShape) throws -> String {
        let data: String
        if shape.usesFile {
            data = "{source: movielens, path: \"\(try BenchData.prepare(shape))\"}"
        } else {
            data = "{source: synthetic, synthetic: {users: \(shape.users), items: \(shape.items), ratings: \(shape.ratings), rank: 8, noise: 0.3, seed: 7}}"
        }
        return """
        version: 1
        name: bench-\(benchCase.name)
        seed: 1
        data: \(data)
        split: {kind: random, valid: 0.2}
        model: \(benchCase.model)
        optimizer: \(benchCase.optimizer.isEmpty ? "{kind: adam}" : benchCase.optimizer)
        training: {epochs: \(epochs), batch_size: \(max(benchCase.batchSize, 1))\(benchCase.training.isEmpty ? "" : ", " + benchCase.training)}
        evaluation: {ranking: {every: never}}
        """
    }

    /// The value `body` returns and the seconds it took.
    private func timed<Value>(_ body: () throws -> Value) rethrows -> (value: Value, seconds: Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
