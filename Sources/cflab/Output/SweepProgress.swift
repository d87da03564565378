import CFCore
import CFExperiment
import CFStore
import CFTraining
import Foundation

/// Prints one line per trained trial of a sweep, in the order trials finish:
///
///     [3/12] model.kind=dot model.embedding_dim=16 seed=1: valid_rmse 0.9123 (best epoch 6) 4.2 s
///
/// With `--format json`, one summary object per trial instead. Skipped trials are counted
/// and reported by `summaryLine`.
final class SweepProgress: SweepReporter {
    let experiments: [PreparedExperiment]
    let labels: [String]
    let format: RunFormat
    private let done = LockedValue(0)

    init(experiments: [PreparedExperiment], labels: [String], format: RunFormat) {
        self.experiments = experiments
        self.labels = labels
        self.format = format
    }

    func started(index: Int, runId: Int64?) {}

    func epoch(index: Int, report: EpochReport) {}

    func finished(index: Int, outcome: TrialRun.Outcome) {
        let position = done.withLock { count -> Int in
            count += 1
            return count
        }
        let prefix = "[\(position)/\(experiments.count)] \(labels[index])"
        switch outcome {
        case let .trained(runId, status, result):
            if format == .json {
                var json = RunPrinter(format: .json, experiment: experiments[index]).summary(result)
                json = json.setting("trial", to: .string(labels[index]))
                if let runId { json = json.setting("run_id", to: .int(runId)) }
                Console.out(json.compact)
                return
            }
            let rmse = result.bestMetrics[MetricName.validRMSE] ?? result.bestMetrics[MetricName.trainRMSE]
            var line = "\(prefix): valid_rmse \(rmse.map { String(format: "%.4f", $0) } ?? "-")"
            line += " (best epoch \(result.bestEpoch.map(String.init) ?? "-")) " + String(format: "%.1f s", result.seconds)
            if status != .completed { line += " [\(status.rawValue)]" }
            Console.out(line)
        case .skipped:
            break
        case let .failed(runId, message):
            Console.error("\(prefix): failed\(runId.map { " (run \($0))" } ?? ""): \(message)")
        case let .storeFailed(_, failure):
            Console.error("\(prefix): stopped: \(failure.line)")
        }
    }

    /// "a=1 b=2 seed=3" for each trial: its swept values and its seed.
    static func labels(for plan: [(assignment: [String], seed: UInt64)]) -> [String] {
        plan.map { ($0.assignment + ["seed=\($0.seed)"]).joined(separator: " ") }
    }

    /// Why a trial was not trained, for a single run's stderr.
    /// `owner` names the process holding a busy trial, and whether it still runs.
    static func skipMessage(_ claim: ClaimResult, name: String, owner: (name: String, isLive: Bool)? = nil) -> String {
        switch claim {
        case let .skippedCompleted(id):
            return "\(name): already trained as run \(id); nothing to do (--rerun trains it again)"
        case let .skippedFailed(id):
            return "\(name): failed as run \(id); nothing to do (--retry-failed trains it again)"
        case let .busy(id):
            if let owner, !owner.isLive {
                return "\(name): run \(id) is claimed by \(owner.name), which no longer runs; "
                    + "it is trained again once its heartbeat is older than --stale-after"
            }
            return "\(name): run \(id) is training it in another process\(owner.map { " (\($0.name))" } ?? ""); nothing to do"
        case let .claimed(id):
            return "\(name): claimed as run \(id)"
        }
    }
}
