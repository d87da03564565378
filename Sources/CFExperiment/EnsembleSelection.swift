import CFAnalysis
import CFData
import CFModels
import CFStore

/// Ensemble selection (Caruana et al. 2004): which runs to average, and how many times
/// each, chosen greedily on the validation part; test is only reported.
///
/// Every candidate's validation predictions are computed once. Round r adds the candidate
/// (with replacement) whose addition gives the mean of the r picks the lowest validation
/// RMSE, the first in candidate order (run id) on a tie. After `rounds` rounds the chosen
/// ensemble is the shortest prefix with the lowest RMSE on that path, so a round that
/// makes validation worse is never kept. A run picked c times counts c times in the mean
/// (`MeanPrediction`'s counts), which is what `cflab ensemble ID ID …` scores when its
/// ids are listed that many times. Nothing depends on threads or on anything but the
/// runs' stored parameters and the split.
public struct EnsembleSelection: Sendable {
    /// Every candidate run, by id.
    public let candidates: [Int64]
    /// The chosen runs, by id, and how many times each is counted.
    public let members: [Int64]
    public let counts: [Int]
    /// The validation RMSE after each round (the mean of the first r picks, in Double).
    public let path: [Double]
    /// The candidate picked in each round, by run id.
    public let picks: [Int64]
    /// The rounds kept (the prefix of `picks` the ensemble is).
    public let kept: Int
    /// The chosen ensemble scored as `SeedEnsemble.evaluate` scores it.
    public let ensemble: SeedEnsemble

    /// Why a selection cannot be made.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case noValidation(Int64)

        public var description: String {
            switch self {
            case let .noValidation(id):
                return "run \(id) has no validation part to choose on (a refit trains on it): select among runs that were validated, then refit the members"
            }
        }
    }

    /// Greedy selection over `records` (one split), `rounds` rounds (at least 1), with the
    /// mean clipped to the rating range when `clip` says so (default: the first run's
    /// `evaluation.clip`).
    public static func greedy(
        _ records: [RunRecord], rounds: Int, store: RunStore, dataPath: String? = nil, locator: DataLocator = DataLocator(),
        clip: Bool? = nil
    ) throws -> EnsembleSelection {
        precondition(rounds >= 1, "at least one round")
        guard let first = records.first else { throw SeedEnsemble.Problem.tooFewRuns(counted: 0, fewest: 1) }
        guard Set(records.map(\.splitFingerprint)).count == 1 else { throw SeedEnsemble.Problem.differentSplits(records.map(\.id)) }
        let experiment = try Reproducer(store: store).prepare(first, dataPath: dataPath, locator: locator)
        let valid = experiment.split.valid
        guard valid.count > 0 else { throw Problem.noValidation(first.id) }
        // One model at a time: only its validation predictions are kept.
        var predictions: [[Float]] = []
        for record in records {
            let model = try AnalyzedRun(try store.loadModel(runId: record.id)).model
            predictions.append(Self.predict(model, on: valid))
        }
        let clips = clip ?? experiment.config.evaluation.clip
        let range: ClosedRange<Float>? = clips ? experiment.dataset.ratingMin...experiment.dataset.ratingMax : nil
        let (picked, path) = Self.greedyPath(predictions: predictions, targets: valid.ratings, clip: range, rounds: rounds)
        let best = path.indices.min { path[$0] < path[$1] || (path[$0] == path[$1] && $0 < $1) } ?? 0
        let kept = best + 1
        var counts = [Int](repeating: 0, count: records.count)
        for index in picked.prefix(kept) { counts[index] += 1 }
        let chosen = records.indices.filter { counts[$0] > 0 }
        let ensemble = try SeedEnsemble.evaluate(
            chosen.map { records[$0] }, counts: chosen.map { counts[$0] }, store: store, dataPath: dataPath,
            locator: locator, fewest: 1, clip: clips)
        return EnsembleSelection(
            candidates: records.map(\.id), members: chosen.map { records[$0].id }, counts: chosen.map { counts[$0] },
            path: path, picks: picked.map { records[$0].id }, kept: kept, ensemble: ensemble)
    }

    /// The greedy path: the candidate index picked in each round and the validation RMSE
    /// after it. `predictions[c]` holds candidate c's prediction for each target; the
    /// mean of the picks is clipped into `clip` (when given) before it is scored.
    public static func greedyPath(
        predictions: [[Float]], targets: [Float], clip: ClosedRange<Float>?, rounds: Int
    ) -> (picks: [Int], rmse: [Double]) {
        let count = targets.count
        precondition(predictions.allSatisfy { $0.count == count }, "one prediction per target")
        guard !predictions.isEmpty, count > 0 else { return ([], []) }
        var sums = [Double](repeating: 0, count: count)
        var picks: [Int] = []
        var path: [Double] = []
        for round in 1...rounds {
            let scale = 1 / Double(round)
            var best = 0
            var bestError = Double.infinity
            for (candidate, values) in predictions.enumerated() {
                var squared = 0.0
                for index in 0..<count {
                    var mean = (sums[index] + Double(values[index])) * scale
                    if let clip { mean = min(max(mean, Double(clip.lowerBound)), Double(clip.upperBound)) }
                    let error = mean - Double(targets[index])
                    squared += error * error
                }
                if squared < bestError { (best, bestError) = (candidate, squared) }
            }
            for index in 0..<count { sums[index] += Double(predictions[best][index]) }
            picks.append(best)
            path.append((bestError / Double(count)).squareRoot())
        }
        return (picks, path)
    }

    /// `model`'s predictions for every pair of `part`, in order.
    static func predict(_ model: any RatingPredictor, on part: RatingSet) -> [Float] {
        var output = [Float](repeating: 0, count: part.count)
        let chunk = 4096
        part.users.withUnsafeBufferPointer { users in
            part.items.withUnsafeBufferPointer { items in
                output.withUnsafeMutableBufferPointer { out in
                    var start = 0
                    while start < part.count {
                        let end = min(start + chunk, part.count)
                        model.predict(
                            users: UnsafeBufferPointer(rebasing: users[start..<end]),
                            items: UnsafeBufferPointer(rebasing: items[start..<end]),
                            into: UnsafeMutableBufferPointer(rebasing: out[start..<end]))
                        start = end
                    }
                }
            }
        }
        return output
    }
}
