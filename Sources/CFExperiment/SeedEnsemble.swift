import CFAnalysis
import CFCore
import CFData
import CFModels
import CFStore
import CFTraining

/// The metrics of the mean prediction of runs of one split: one configuration's runs
/// over their seeds (`compare --ensemble`), or any models (`cflab ensemble`).
///
/// Each run's kept parameters are rebuilt (`AnalyzedRun`, under the run's semantics and
/// cold-start rule); the data is found by its fingerprint as `reproduce` finds it, and
/// split as the runs were. The runs must share one split (a sweep pins it), so the mean
/// is scored on the very ratings each run was scored on. The mean is clipped exactly
/// when the first run's `evaluation.clip` says so, unless the caller decides (`--clip`).
public struct SeedEnsemble: Sendable {
    public let runIds: [Int64]
    /// How many times each of `runIds` is counted in the mean (all 1 unless weighted).
    public let counts: [Int]
    /// `rmse` and `mae` of the mean prediction on the validation part.
    public let valid: [String: Double]
    /// The same on the test part, when the split has one.
    public let test: [String: Double]?
    /// Whether the mean was clipped to the data's rating range before it was scored.
    public let clipped: Bool

    /// Why an ensemble cannot be scored; each message says what to do.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        /// The runs counted (a run listed twice counts twice) and the fewest the ensemble needs.
        case tooFewRuns(counted: Int, fewest: Int)
        case differentSplits([Int64])

        public var description: String {
            switch self {
            case let .tooFewRuns(counted, fewest):
                return "an ensemble needs at least \(fewest) run\(fewest == 1 ? "" : "s") with kept parameters, got \(counted)"
            case let .differentSplits(ids):
                return "runs \(ids.map(String.init).joined(separator: ", ")) were validated on different splits; "
                    + "an ensemble averages runs of one split (pin split.seed)"
            }
        }
    }

    public init(runIds: [Int64], counts: [Int]? = nil, valid: [String: Double], test: [String: Double]?, clipped: Bool = false) {
        self.runIds = runIds
        self.counts = counts ?? [Int](repeating: 1, count: runIds.count)
        self.valid = valid
        self.test = test
        self.clipped = clipped
    }

    /// Scores the mean prediction of `records` (at least 2 counted, one split), each
    /// counted `counts[i]` times (default once): `MeanPrediction`'s weighted mean. The
    /// mean is clipped to the data's rating range when `clip` says so (default: the first
    /// run's `evaluation.clip`).
    public static func evaluate(
        _ records: [RunRecord], counts: [Int]? = nil, store: RunStore, dataPath: String? = nil,
        locator: DataLocator = DataLocator(), fewest: Int = 2, clip: Bool? = nil
    ) throws -> SeedEnsemble {
        let counts = counts ?? [Int](repeating: 1, count: records.count)
        precondition(counts.count == records.count, "one count per run")
        guard counts.reduce(0, +) >= fewest, let first = records.first else { throw Problem.tooFewRuns(counted: counts.reduce(0, +), fewest: fewest) }
        guard Set(records.map(\.splitFingerprint)).count == 1 else { throw Problem.differentSplits(records.map(\.id)) }
        let experiment = try Reproducer(store: store).prepare(first, dataPath: dataPath, locator: locator)
        let runs = try records.map { try AnalyzedRun(try store.loadModel(runId: $0.id)) }
        let mean = MeanPrediction(models: runs.map(\.model), counts: counts)
        let statistics = runs[0].statistics
        let range = experiment.dataset.ratingMin...experiment.dataset.ratingMax
        let clip = clip ?? experiment.config.evaluation.clip
        let evaluator = Evaluator()
        func score(_ part: RatingSet) -> [String: Double] {
            evaluator.evaluate(model: mean, on: part, statistics: statistics, clip: clip, ratingRange: range)
                .filter { $0.key == Evaluator.rmse || $0.key == Evaluator.mae }
        }
        return SeedEnsemble(
            runIds: records.map(\.id), counts: counts, valid: score(experiment.split.valid),
            test: experiment.split.test.map(score), clipped: clip)
    }

    /// One ensemble per split of `records` (each fold of a cross-validation), in the order
    /// the splits first appear; a split with a single run is refused as `evaluate` refuses it.
    public static func evaluatePerSplit(
        _ records: [RunRecord], store: RunStore, dataPath: String? = nil, locator: DataLocator = DataLocator(),
        clip: Bool? = nil
    ) throws -> [SeedEnsemble] {
        var order: [String] = []
        var bySplit: [String: [RunRecord]] = [:]
        for record in records {
            if bySplit[record.splitFingerprint] == nil { order.append(record.splitFingerprint) }
            bySplit[record.splitFingerprint, default: []].append(record)
        }
        return try order.map { try evaluate(bySplit[$0] ?? [], store: store, dataPath: dataPath, locator: locator, clip: clip) }
    }

    /// The mean over `ensembles` (folds) of each metric they all have: a cross-validated
    /// ensemble's figure, as compare's cross-validation rows average folds.
    public static func meanOverSplits(_ ensembles: [SeedEnsemble]) -> SeedEnsemble {
        func mean(_ parts: [[String: Double]]) -> [String: Double] {
            guard let first = parts.first else { return [:] }
            var out: [String: Double] = [:]
            for key in first.keys where parts.allSatisfy({ $0[key] != nil }) {
                out[key] = parts.reduce(0) { $0 + ($1[key] ?? 0) } / Double(parts.count)
            }
            return out
        }
        let tests = ensembles.compactMap(\.test)
        return SeedEnsemble(
            runIds: ensembles.flatMap(\.runIds), counts: ensembles.flatMap(\.counts), valid: mean(ensembles.map(\.valid)),
            test: tests.count == ensembles.count && !tests.isEmpty ? mean(tests) : nil,
            clipped: !ensembles.isEmpty && ensembles.allSatisfy(\.clipped))
    }
}
