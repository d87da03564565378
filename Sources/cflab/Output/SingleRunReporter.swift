import CFCore
import CFExperiment
import CFStore
import CFTraining

/// Prints a single-run file as `cflab run` always has: a header, every epoch, a summary.
struct SingleRunReporter: SweepReporter {
    let printer: RunPrinter
    let storePath: String?
    /// `pid@host` of the process holding a run and whether it runs, for the message when another one trains it.
    var owner: @Sendable (Int64) -> (name: String, isLive: Bool)? = { _ in nil }

    func started(index: Int, runId: Int64?) {
        printer.begin()
    }

    func epoch(index: Int, report: EpochReport) {
        if printer.showsProgress { Console.clearStatus() }
        printer.epoch(report)
    }

    /// A progress bar for the epoch in training, on a terminal only (plain lines when piped).
    func progress(index: Int, epoch: Int, step: Int, steps: Int) {
        guard printer.showsProgress, steps > 0 else { return }
        let epochs = printer.experiment.config.training.epochs
        let fraction = Double(step) / Double(steps)
        Console.status(String(format: "epoch %d/%d %@ %3.0f%%", epoch, epochs, Console.bar(fraction), fraction * 100))
    }

    /// The final evaluation's progress, on the status line where the epoch bar was.
    func progressSink(index: Int) -> (any ProgressSink)? {
        printer.showsProgress ? TerminalProgress() : nil
    }

    func finished(index: Int, outcome: TrialRun.Outcome) {
        switch outcome {
        case let .trained(runId, _, result):
            printer.finish(result, runId: runId, storePath: storePath)
        case let .skipped(claim):
            Console.error(SweepProgress.skipMessage(claim, name: printer.experiment.config.name, owner: owner(claim.runId)))
        case let .failed(_, message):
            Console.error("error: \(message)")
        case let .storeFailed(_, failure):
            if printer.showsProgress { Console.clearStatus() }
            Console.error("error: \(failure.line)")
        }
    }
}
