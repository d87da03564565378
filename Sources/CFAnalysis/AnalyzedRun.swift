import CFConfig
import CFCore
import CFModels
import CFStore

/// A stored run rebuilt into a ready `RatingModel`, with its config and data metadata.
///
/// The one place that turns a `StoredModel` back into a model: the config is parsed
/// with `ConfigLoader` (the stored JSON is YAML), the training statistics come from the
/// metadata (seen = at least one training rating), `ModelFactory.make(experiment:)` builds
/// the model under the run's cold-start rule (the same call training makes),
/// and each stored tensor's values replace the parameter or buffer of the same name.
public struct AnalyzedRun {
    public let stored: StoredModel
    public let config: ExperimentConfig
    /// The statistics of the training part; `isColdStart` says when predict falls back.
    public let statistics: TrainingStatistics
    public let model: any RatingModel

    public var runId: Int64 { stored.runId }
    public var metadata: DataMetadata { stored.metadata }

    /// Rebuilds the model of `stored`.
    public init(_ stored: StoredModel) throws {
        let file: ExperimentFile
        do {
            file = try ConfigLoader.parse(yaml: stored.config.canonical, fileName: "run-\(stored.runId).json")
        } catch {
            throw AnalysisError.unreadableConfig(runId: stored.runId, reason: "\(error)")
        }
        let metadata = stored.metadata
        let statistics = TrainingStatistics(
            globalMean: metadata.globalMean, ratingMin: metadata.ratingMin, ratingMax: metadata.ratingMax,
            userSeen: metadata.userCounts.map { $0 > 0 }, itemSeen: metadata.itemCounts.map { $0 > 0 }
        )
        let model: any RatingModel
        do {
            model = try ModelFactory.make(
                experiment: file.config, statistics: statistics, streams: ParameterStreams(seed: 0), semantics: RunSemantics(version: stored.semantics))
        } catch {
            throw AnalysisError.unreadableConfig(runId: stored.runId, reason: "\(error)")
        }
        for parameter in model.savedTensors {
            guard let tensor = stored.tensor(named: parameter.name) else {
                throw AnalysisError.tensorMismatch(runId: stored.runId, name: parameter.name, reason: "is not stored")
            }
            guard tensor.shape == parameter.shape, tensor.values.count == parameter.values.count else {
                throw AnalysisError.tensorMismatch(
                    runId: stored.runId, name: parameter.name, reason: "has shape \(tensor.shape), the model \(parameter.shape)"
                )
            }
            parameter.values = tensor.values
        }
        self.stored = stored
        self.config = file.config
        self.statistics = statistics
        self.model = model
    }

    /// The model's kind as the config spells it (`dot_bias`).
    public var kind: String { config.model.kind.rawValue }

    /// The table called `name` (`item_embedding`, `item_bias`, …), or an error naming `purpose`.
    public func table(_ name: String, for purpose: String) throws -> EmbeddingTable {
        guard let parameter = model.tensor(named: name), parameter.shape.count == 2 else {
            throw AnalysisError.missingTensor(runId: runId, kind: kind, name: name, purpose: purpose)
        }
        return EmbeddingTable(rows: parameter.rows, columns: parameter.columns, values: parameter.values)
    }

    /// The rated pairs of the run's split, or an error saying how to get them.
    public func ratedPairs() throws -> RatedPairs {
        guard let pairs = metadata.ratedPairs else { throw AnalysisError.noRatedPairs(runId: runId) }
        return pairs
    }

    /// The dense id of a raw user id.
    public func user(_ raw: String) throws -> Int32 {
        guard let dense = metadata.users.dense(raw) else { throw AnalysisError.unknownUser(raw) }
        return dense
    }
}
