import CFConfig
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
/// and reported by `summaryLine`. On a terminal (text format), a status line under the
/// finished lines shows n/N, each running trial with its epoch, and an ETA from the
/// trials done so far; piped output stays plain lines.
final class SweepProgress: SweepReporter, @unchecked Sendable {
    /// The trials so far and their labels (a `tpe` sweep adds batches while it runs).
    private let known: LockedValue<(experiments: [PreparedExperiment], labels: [String])>
    /// How many trials the sweep will have (`[n/N]`).
    let total: Int
    let format: RunFormat
    let showsStatus: Bool
    private let state: LockedValue<State>

    /// What the status line shows: trials ended, those running with their last epoch.
    struct State {
        var done = 0
        var trained = 0
        var running: [Int: Int] = [:]
        /// A running trial's step after its epochs, such as `ranking on valid 40%`.
        var steps: [Int: String] = [:]
        var lastDrawn = Date.distantPast
        let start = Date()
    }

    init(experiments: [PreparedExperiment], labels: [String], format: RunFormat, total: Int? = nil,
         showsStatus: Bool = Console.isTerminal) {
        known = LockedValue((experiments, labels))
        self.total = total ?? experiments.count
        self.format = format
        self.showsStatus = showsStatus && format == .text
        state = LockedValue(State())
    }

    var experiments: [PreparedExperiment] { known.current.experiments }
    var labels: [String] { known.current.labels }

    func added(trials: [SweepTrial], experiments: [PreparedExperiment]) {
        let labels = Self.labels(for: trials.map { ($0.assignment.map(\.description), $0.seed) })
        known.withLock { $0 = ($0.experiments + experiments, $0.labels + labels) }
    }

    func started(index: Int, runId: Int64?) {
        guard showsStatus else { return }
        state.withLock { state in
            state.running[index] = 0
            Console.status(statusLine(state))
        }
    }

    func epoch(index: Int, report: EpochReport) {
        guard showsStatus else { return }
        state.withLock { state in
            state.running[index] = report.epoch
            state.steps[index] = nil
            Console.status(statusLine(state))
        }
    }

    /// Trial `index`'s final evaluation shows in its place on the status line.
    func progressSink(index: Int) -> (any ProgressSink)? {
        showsStatus ? TrialStepSink(progress: self, index: index) : nil
    }

    /// Shows `update` as trial `index`'s step, redrawing at most ten times a second.
    func step(index: Int, update: ProgressUpdate?) {
        state.withLock { state in
            state.steps[index] = update.map { "\($0.phase) " + String(format: "%.0f%%", $0.fraction * 100) }
            let now = Date()
            let due = update == nil || update?.done == 0 || now.timeIntervalSince(state.lastDrawn) >= 0.1
            guard due, state.running[index] != nil else { return }
            state.lastDrawn = now
            Console.status(statusLine(state))
        }
    }

    /// The sink of one trial's steps.
    struct TrialStepSink: ProgressSink {
        let progress: SweepProgress
        let index: Int

        func update(_ update: ProgressUpdate) { progress.step(index: index, update: update) }
        func finish(_ phase: String) { progress.step(index: index, update: nil) }
    }

    /// `[3/12] running: a=1 seed=2 epoch 4/10, ... | ETA 1m 20s`, cut to the terminal's width.
    func statusLine(_ state: State) -> String {
        let running = state.running.keys.sorted().map { index in
            labels[index] + " " + (state.steps[index] ?? "epoch \(state.running[index] ?? 0)/\(experiments[index].config.training.epochs)")
        }
        var line = "[\(state.done)/\(total)]" + (running.isEmpty ? "" : " running: " + running.joined(separator: ", "))
        let elapsed = Date().timeIntervalSince(state.start)
        if state.trained > 0 {
            let left = Double(total - state.done) * elapsed / Double(state.done)
            line += " | ETA " + Self.duration(left)
        }
        let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
        return line.count <= width - 1 ? line : String(line.prefix(max(10, width - 2))) + "…"
    }

    /// `45 s`, `3m 05s`, `1h 02m`.
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return String(format: "%dm %02ds", whole / 60, whole % 60) }
        return String(format: "%dh %02dm", whole / 3600, (whole % 3600) / 60)
    }

    func finished(index: Int, outcome: TrialRun.Outcome) {
        state.withLock { state in
            state.done += 1
            state.running[index] = nil
            state.steps[index] = nil
            if case .trained = outcome { state.trained += 1 }
            if showsStatus { Console.clearStatus() }
            report(index: index, position: state.done, outcome: outcome)
            if showsStatus, state.done < total { Console.status(statusLine(state)) }
        }
    }

    /// The line (or JSON object) of one ended trial.
    private func report(index: Int, position: Int, outcome: TrialRun.Outcome) {
        let prefix = "[\(position)/\(total)] \(labels[index])"
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
