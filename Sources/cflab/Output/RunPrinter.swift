import CFCore
import CFExperiment
import CFTraining
import Foundation

/// Prints a run as aligned text lines or as JSON Lines (one object per epoch, then a summary).
struct RunPrinter: Sendable {
    let format: RunFormat
    let experiment: PreparedExperiment

    /// Whether to draw a progress bar: text output to an interactive terminal.
    var showsProgress: Bool { format == .text && Console.isTerminal }

    func begin() {
        guard format == .text else { return }
        let config = experiment.config
        let data = experiment.dataset
        Console.out("\(config.name): \(config.model.kind.rawValue) on \(data.name) "
            + "(\(data.ratingCount) ratings, \(data.userCount) users, \(data.itemCount) items)")
        // Which folder of the search path the data came from.
        if let path = data.path { Console.out("data: \(path)") }
        let split = experiment.split
        Console.out("split \(config.split.kind.rawValue): train \(split.train.count), valid \(split.valid.count)"
            + (split.test.map { ", test \($0.count)" } ?? "") + ", seed \(config.splitSeed)")
        Console.out(EpochTable.header)
    }

    func epoch(_ report: EpochReport) {
        switch format {
        case .text:
            Console.out(EpochTable.line(report))
        case .json:
            Console.out(JSONValue.object([
                ("type", .string("epoch")), ("epoch", .int(Int64(report.epoch))), ("metrics", Self.metrics(report.metrics)),
            ]).compact)
        }
    }

    /// The summary line(s); `runId` and `storePath` name where the run was recorded.
    func finish(_ result: TrialSummary, runId: Int64? = nil, storePath: String? = nil) {
        switch format {
        case .text:
            let best = result.bestEpoch.map(String.init) ?? "-"
            let rmse = result.bestMetrics[MetricName.validRMSE].map { String(format: "%.4f", $0) } ?? "-"
            var line = "\(result.status.rawValue)\(result.earlyStopped ? " (early stopping)" : ""): "
                + "best epoch \(best), valid_rmse \(rmse)"
            if let test = result.testMetrics, let testRMSE = test["rmse"] {
                line += String(format: ", test_rmse %.4f", testRMSE)
            }
            Console.out(line)
            for (part, metrics) in [("valid", result.bestMetrics), ("test", result.testMetrics ?? [:])] {
                let ranking = metrics.keys.filter(RankingMetricName.isTopK).sorted()
                guard !ranking.isEmpty else { continue }
                Console.out("ranking (\(part)): " + ranking.map { "\($0) " + String(format: "%.4f", metrics[$0] ?? .nan) }.joined(separator: ", "))
            }
            Console.out("data fingerprint \(experiment.dataset.fingerprint)")
            if let runId, let storePath { Console.out("recorded as run \(runId) in \(storePath)") }
        case .json:
            var json = summary(result)
            if let runId { json = json.setting("run_id", to: .int(runId)) }
            Console.out(json.compact)
        }
    }

    func summary(_ result: TrialSummary) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("type", .string("summary")),
            ("name", .string(experiment.config.name)),
            ("model", .string(experiment.config.model.kind.rawValue)),
            ("status", .string(result.status.rawValue)),
            ("early_stopped", .bool(result.earlyStopped)),
            ("best_epoch", result.bestEpoch.map { .int(Int64($0)) } ?? .null),
            ("best", Self.metrics(result.bestMetrics)),
            ("test", result.testMetrics.map(Self.metrics) ?? .null),
            ("trial_key", .string(experiment.trialKey)),
            ("data_fingerprint", .string(experiment.dataset.fingerprint)),
        ]
        pairs.append(("split_fingerprint", .string(experiment.split.fingerprint)))
        return .object(pairs)
    }

    static func metrics(_ values: [String: Double]) -> JSONValue {
        .object(values.keys.sorted().map { ($0, .double(values[$0] ?? .nan)) })
    }
}
