import CFCore
import CFData
import CFStore

/// Records to write into a store: a resolved config, a new run, an outcome and data metadata.
public enum SampleRuns {
    /// A resolved config with typed leaves of every kind.
    public static func config(
        kind: String = "dot_bias", dropout: Double = 0.0, learningRate: Double = 1e-3, dimensions: Int64 = 32
    ) -> JSONValue {
        .object([
            ("version", .int(1)),
            ("name", .string("fixture")),
            ("seed", .int(1)),
            ("model", .object([
                ("kind", .string(kind)), ("embedding_dim", .int(dimensions)), ("dropout", .double(dropout)),
                ("global_mean", .bool(false)), ("y_range", .array([.double(0), .double(5.5)])), ("layers", .null),
            ])),
            ("optimizer", .object([("kind", .string("adam")), ("lr", .double(learningRate)), ("weight_decay", .double(0.01))])),
            ("training", .object([("epochs", .int(3)), ("early_stopping", .object([]))])),
        ])
    }

    /// A new run of `config` with plausible provenance.
    public static func newRun(
        _ config: JSONValue = config(), seed: Int64 = 1, tags: [String] = ["fixture"],
        dataFingerprint: String = "data-1", splitFingerprint: String = "split-1"
    ) -> NewRun {
        NewRun(
            name: "fixture", config: config, seed: seed,
            streamSeeds: .object([("init", .string("\(seed)1")), ("shuffle", .string("\(seed)2"))]), tags: tags,
            dataSource: "synthetic", dataName: "synthetic", dataPath: nil, dataFingerprint: dataFingerprint,
            split: .object([("kind", .string("random")), ("valid", .double(0.2))]), splitFingerprint: splitFingerprint,
            buildId: "build-1", build: .object([("git", .string("abc")), ("dirty", .bool(false))]),
            operatingSystem: "Linux", cpuModel: "test cpu", threads: 1
        )
    }

    /// A completed outcome with the given best validation RMSE.
    public static func completed(validRMSE: Double, seconds: Double = 1.5) -> RunOutcome {
        RunOutcome(
            status: .completed, bestEpoch: 2,
            bestMetrics: ["valid_rmse": validRMSE, "valid_mae": validRMSE * 0.8, "train_loss": 0.5],
            finalMetrics: ["valid_rmse": validRMSE + 0.01, "valid_mae": validRMSE * 0.8],
            testMetrics: ["rmse": validRMSE + 0.02], durationSeconds: seconds
        )
    }

    /// Metadata for 3 users and 4 items.
    public static func metadata(splitFingerprint: String = "split-1") -> DataMetadata {
        DataMetadata(
            dataFingerprint: "data-1", splitFingerprint: splitFingerprint,
            users: IdMap(rawIds: ["7", "12", "100"]), items: IdMap(rawIds: ["1", "2", "50", "333"]),
            itemInfo: [
                ItemInfo(title: "Toy Story (1995)", genres: ["Animation", "Comedy"]),
                ItemInfo(title: "Jumanji, \"the\" (1995)", genres: []),
                ItemInfo(title: "Amélie (2001)", genres: ["Romance"]),
                ItemInfo(title: "item 333", genres: []),
            ],
            userCounts: [2, 0, 5], userMeans: [3.5, 0, 4.25], itemCounts: [3, 1, 0, 3], itemMeans: [4, 2.5, 0, 3.75],
            ratingMin: 0.5, ratingMax: 5, globalMean: 3.6, trainCount: 7
        )
    }
}
