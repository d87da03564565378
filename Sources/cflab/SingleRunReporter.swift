import CFStore
import CFTraining

/// Prints a single-run file as `cflab run` always has: a header, every epoch, a summary.
struct SingleRunReporter: SweepReporter {
    let printer: RunPrinter
    let storePath: String?

    func started(index: Int, runId: Int64?) {
        printer.begin()
    }

    func epoch(index: Int, report: EpochReport) {
        printer.epoch(report)
    }

    func finished(index: Int, outcome: TrialRun.Outcome) {
        switch outcome {
        case let .trained(runId, _, result):
            printer.finish(result, runId: runId, storePath: storePath)
        case let .skipped(claim):
            Console.error(SweepProgress.skipMessage(claim, name: printer.experiment.config.name))
        case let .failed(_, message):
            Console.error("error: \(message)")
        }
    }
}
