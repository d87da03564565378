import CFAnalysis
import CFConfig
import CFCore
import CFData
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// A run store in a temporary folder holding hand-made runs whose answers are known.
///
/// Five items, four users (raw ids 1…4, items 10…50):
///
///     item  title                              embedding   bias   training ratings
///     10    Star Wars (1977)                   ( 1,   0)    0.5   users 1 (5), 2 (4)
///     20    English Patient, The (1996)        ( 0,   1)   -0.2   users 1 (3), 3 (5)
///     30    Star Trek: First Contact (1996)    ( 1,   0)    0.1   user 2 (5)
///     40    Star Trek: Generations (1994)      (0.9, 0.1)   0     users 2 (4), 3 (2)
///     50    Toy Story (1995)                   (-1,   0)    0.3   none
///
/// Users: 1 → (1, 0), 2 → (1, 0.1), 3 → (0, 1), 4 → (-1, 0); biases 0. Held out:
/// user 1 rated 40 (4), user 2 rated 20 (2), user 4 rated 50 (3); user 4 has no
/// training rating. Items 10 and 30 have identical embeddings.
struct AnalysisFixture {
    let store: RunStore

    static let titles = [
        "Star Wars (1977)", "English Patient, The (1996)", "Star Trek: First Contact (1996)",
        "Star Trek: Generations (1994)", "Toy Story (1995)",
    ]
    static let itemEmbeddings: [Float] = [1, 0, 0, 1, 1, 0, 0.9, 0.1, -1, 0]
    static let itemBiases: [Float] = [0.5, -0.2, 0.1, 0, 0.3]
    static let userEmbeddings: [Float] = [1, 0, 1, 0.1, 0, 1, -1, 0]

    static let dataset: Dataset = {
        // Training first (indices 0..<7), then held out.
        let ratings = RatingSet(
            users: [0, 0, 1, 1, 1, 2, 2, 0, 1, 3], items: [0, 1, 0, 2, 3, 1, 3, 3, 1, 4],
            ratings: [5, 3, 4, 5, 4, 5, 2, 4, 2, 3], timestamps: [Int64](repeating: 0, count: 10)
        )
        return Dataset(
            name: "fixture", source: "synthetic", path: nil, ratings: ratings,
            users: IdMap(rawIds: ["1", "2", "3", "4"]), items: IdMap(rawIds: ["10", "20", "30", "40", "50"]),
            itemInfo: titles.map { ItemInfo(title: $0, genres: ["Drama"]) }, fingerprint: "fixture-data"
        )
    }()

    static var training: RatingSet { dataset.ratings.subset(0..<7) }

    init(_ test: XCTestCase) throws {
        store = try TemporaryStore.make(for: test).store
    }

    /// A resolved config with `model` (default dot_bias, two-wide, y_range [0, 5.5]).
    static func config(model: String = "{kind: dot_bias, embedding_dim: 2, y_range: [0.0, 5.5]}", extra: String = "") throws -> JSONValue {
        let yaml = """
            version: 1
            name: fixture
            data: {source: synthetic}
            model: \(model)
            \(extra)
            """
        return ResolvedConfig.json(try ConfigLoader.parse(yaml: yaml, fileName: "fixture.yaml").config)
    }

    /// The dot_bias tensors of the table above.
    static var dotBiasTensors: [ParameterTensor] {
        [
            ParameterTensor(name: "user_embedding", shape: [4, 2], values: userEmbeddings),
            ParameterTensor(name: "item_embedding", shape: [5, 2], values: itemEmbeddings),
            ParameterTensor(name: "user_bias", shape: [4, 1], values: [0, 0, 0, 0]),
            ParameterTensor(name: "item_bias", shape: [5, 1], values: itemBiases),
        ]
    }

    /// Stores a run with `tensors` and the fixture's metadata (with rated pairs unless told).
    func addRun(
        config: JSONValue? = nil, tensors: [ParameterTensor] = AnalysisFixture.dotBiasTensors,
        ratedPairs: Bool = true, splitFingerprint: String = "fixture-split"
    ) throws -> Int64 {
        let runId = try store.startRun(NewRun(
            name: "fixture", config: try config ?? Self.config(), seed: 1,
            dataFingerprint: Self.dataset.fingerprint, splitFingerprint: splitFingerprint
        ))
        var metadata = DataMetadata(dataset: Self.dataset, training: Self.training, splitFingerprint: splitFingerprint)
        if !ratedPairs { metadata.ratedPairs = nil }
        try store.saveDataMetadata(metadata)
        try store.saveParameters(runId: runId, which: .final, tensors: tensors)
        return runId
    }

    /// The run rebuilt for analysis.
    func analyzed(_ runId: Int64) throws -> AnalyzedRun {
        try AnalyzedRun(try store.loadModel(runId: runId))
    }
}
