import CFCore
import CFData
import CFStore
import CFTestSupport
import Foundation
import XCTest

/// A run store written directly through `RunStore`, with known numbers, for report tests.
enum ReportFixtures {
    /// The expected text outputs in Tests/CFReportTests/Fixtures.
    static let expected = TextFixtures(folder: "Fixtures")

    /// A title with every character that could break a shell, gnuplot, HTML, CSV or LaTeX.
    static let hostileTitle = "Evil \"$(rm -rf ~)\" `ls`; system(\"x\") @x #y, é 'q' \\ ,"

    /// Best validation RMSE by model kind and seed: dot_bias wins on every seed.
    static let scores: [(kind: String, seeds: [Double])] = [
        ("dot", [0.94, 0.95, 0.96]),
        ("dot_bias", [0.91, 0.93, 0.92]),
    ]

    /// A store with sweep `sweepName` (model.kind × seeds 1–3), one failed run, and
    /// `global_mean` and `biases` baselines on the same split.
    static func store(_ test: XCTestCase, sweepName: String = "fixture-sweep", title: String = hostileTitle) throws -> (store: RunStore, path: String) {
        let (store, path) = try TemporaryStore.make(for: test)
        try store.saveDataMetadata(metadata(title: title))
        try store.registerSweep(name: sweepName, sweptKeys: ["model.kind"], spec: .object([("method", .string("grid"))]))
        for (kind, seeds) in scores {
            for (index, rmse) in seeds.enumerated() {
                let seed = Int64(index + 1)
                let result = try store.claimTrial(sweep: sweepName, trialKey: "\(kind)-\(seed)", newRun: newRun(kind: kind, seed: seed))
                guard case let .claimed(runId) = result else { throw StoreError.invalidArgument("fixture claim \(result)") }
                try record(store, runId: runId, rmse: rmse, seed: seed)
            }
        }
        let failed = try store.claimTrial(sweep: sweepName, trialKey: "dot-9", newRun: newRun(kind: "dot", seed: 9)).runId
        try store.finishRun(runId: failed, outcome: RunOutcome(status: .failed, error: "fixture failure", durationSeconds: 0.5))
        for (kind, rmse) in [("global_mean", 1.05), ("biases", 0.97)] {
            let runId = try store.startRun(newRun(kind: kind, seed: 1))
            try record(store, runId: runId, rmse: rmse, seed: 1)
        }
        return (store, path)
    }

    /// A sweep `wide` of `configurations` configurations (model.kind × optimizer.lr, one
    /// seed each), scored 0.90 + 0.001 · rank, except every tenth, which diverges to 3 and more.
    /// - Parameter sampled: every run its own lr, as a random or tpe sweep draws them.
    static func wideStore(_ test: XCTestCase, configurations: Int = 60, sampled: Bool = false) throws -> RunStore {
        let (store, _) = try TemporaryStore.make(for: test)
        try store.saveDataMetadata(metadata(title: "Plain title"))
        try store.registerSweep(name: "wide", sweptKeys: ["model.kind", "optimizer.lr"], spec: .object([("method", .string("grid"))]))
        for index in 0..<configurations {
            let kind = index % 2 == 0 ? "dot" : "dot_bias", lr = 0.001 * Double(sampled ? index + 1 : index / 2 + 1)
            let run = newRun(kind: kind, seed: 1, lr: lr)
            let result = try store.claimTrial(sweep: "wide", trialKey: "\(kind)-\(lr)", newRun: run)
            guard case let .claimed(runId) = result else { throw StoreError.invalidArgument("fixture claim \(result)") }
            try record(store, runId: runId, rmse: index % 10 == 9 ? 3 + Double(index) / 10 : 0.90 + 0.001 * Double(index), seed: 1)
        }
        return store
    }

    /// Three epochs with a best second epoch, a one-cycle step trace, and kept tensors.
    static func record(_ store: RunStore, runId: Int64, rmse: Double, seed: Int64) throws {
        let epochs: [(train: Double, valid: Double)] = [(rmse + 0.05, rmse + 0.04), (rmse - 0.03, rmse), (rmse - 0.08, rmse + 0.01)]
        for (index, epoch) in epochs.enumerated() {
            let steps = (0..<4).map { index * 4 + $0 }
            let trace: JSONValue = .object([
                ("step", .array(steps.map { .int(Int64($0)) })),
                ("lr", .array(steps.map { .double(0.001 * Double($0 + 1)) })),
                ("beta1", .array(steps.map { .double(0.95 - 0.01 * Double($0)) })),
                ("loss", .array(steps.map { .double(1.5 - 0.05 * Double($0)) })),
            ])
            try store.appendEpoch(runId: runId, epoch: index + 1, metrics: [
                "train_rmse": epoch.train, "valid_rmse": epoch.valid, "valid_mae": epoch.valid * 0.75,
                "lr": 0.001, "ndcg@10": 0.5 - epoch.valid / 10, "seconds": 0.25,
            ], stepTrace: trace)
        }
        try store.saveParameters(runId: runId, which: .best, tensors: tensors(seed: seed))
        try store.finishRun(runId: runId, outcome: RunOutcome(
            status: .completed, bestEpoch: 2,
            bestMetrics: ["valid_rmse": rmse, "valid_mae": rmse * 0.75, "ndcg@10": 0.5 - rmse / 10],
            finalMetrics: ["valid_rmse": rmse + 0.01, "valid_mae": (rmse + 0.01) * 0.75],
            testMetrics: ["rmse": rmse + 0.02, "mae": rmse * 0.8], durationSeconds: 1.25 + Double(seed)))
    }

    /// Embeddings and biases for 4 users and 24 items (2 dimensions), varying with the seed.
    static func tensors(seed: Int64) -> [ParameterTensor] {
        let items = 24, users = 4
        let itemValues = (0..<(items * 2)).map { Float(sin(Double($0 * 7 + Int(seed)))) }
        return [
            ParameterTensor(name: "user_embedding", shape: [users, 2], values: (0..<(users * 2)).map { Float($0) / 10 }),
            ParameterTensor(name: "item_embedding", shape: [items, 2], values: itemValues),
            ParameterTensor(name: "user_bias", shape: [users, 1], values: [0.1, -0.1, 0.2, 0]),
            ParameterTensor(name: "item_bias", shape: [items, 1], values: (0..<items).map { Float(cos(Double($0))) }),
        ]
    }

    /// A resolved config of the sweep for `kind` and `seed`.
    static func config(kind: String, seed: Int64, lr: Double = 0.001) -> JSONValue {
        var model: [(String, JSONValue)] = [("kind", .string(kind))]
        if kind == "dot" || kind == "dot_bias" { model.append(("embedding_dim", .int(2))) }
        return .object([
            ("version", .int(1)), ("name", .string("fixture")), ("seed", .int(seed)),
            ("data", .object([("source", .string("synthetic"))])),
            ("model", .object(model)),
            ("optimizer", .object([("kind", .string("adam")), ("lr", .double(lr))])),
            ("training", .object([("epochs", .int(3))])),
        ])
    }

    /// A new run of the sweep's config for `kind` and `seed`, on the fixture's data and split.
    static func newRun(kind: String, seed: Int64, lr: Double = 0.001) -> NewRun {
        SampleRuns.newRun(config(kind: kind, seed: seed, lr: lr), seed: seed, tags: [], dataFingerprint: "data-fp", splitFingerprint: "split-fp")
    }

    /// 4 users, 24 items; item 0 carries `title` and is the most rated.
    static func metadata(title: String) -> DataMetadata {
        let items = 24
        let titles = (0..<items).map { $0 == 0 ? title : "Movie \($0) (19\(70 + $0))" }
        return DataMetadata(
            dataFingerprint: "data-fp", splitFingerprint: "split-fp",
            users: IdMap(rawIds: ["1", "2", "3", "4"]), items: IdMap(rawIds: (0..<items).map { "\($0 + 100)" }),
            itemInfo: titles.map { ItemInfo(title: $0, genres: ["Drama"]) },
            userCounts: [10, 20, 30, 40], userMeans: [3, 3.5, 4, 4.5],
            itemCounts: (0..<items).map { Int32(100 - $0 * 3) }, itemMeans: (0..<items).map { 3 + Float($0 % 5) / 5 },
            ratingMin: 0.5, ratingMax: 5, globalMean: 3.5, trainCount: 100)
    }
}
