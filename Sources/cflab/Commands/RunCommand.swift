import ArgumentParser
import CFConfig
import CFCore
import CFExperiment
import CFLinalg
import CFStore
import CFTraining
import Foundation

/// `cflab run FILE`: trains what an experiment file describes, recording it in the run store.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train the experiment a YAML file describes, recording every epoch in the run store.",
        discussion: """
        A single-run file prints every epoch. A file with a `sweep:` block runs each trial \
        once per seed, printing one line per trial. Trials already completed in the store \
        are skipped, interrupted ones are trained again. Ctrl-C stops at the next epoch \
        boundary and marks the runs in flight interrupted (exit 130).
        """
    )

    @Argument(help: "The experiment file (YAML).")
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key, e.g. optimizer.lr=1e-3 (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Output: text (aligned lines) or json (one object per line).")
    var format: RunFormat = .text

    @Option(help: ArgumentHelp("The run store.", valueName: "path"))
    var store: String = StoreLocation.defaultPath

    @Flag(help: "Record nothing: train and print only.")
    var noStore = false

    @Option(help: "Trials trained in parallel, each on one thread.")
    var jobs: Int = 1

    @Flag(help: "Run a sweep even when it has more trials than its max_trials.")
    var yes = false

    @Flag(help: "Train again the trials whose last run failed.")
    var retryFailed = false

    @Flag(help: "Train every trial again as a new attempt, even completed ones.")
    var rerun = false

    @Flag(help: "Also train the global_mean and biases baselines on the same data and split (for cflab compare and report).")
    var baselines = false

    @Option(help: ArgumentHelp("A running trial whose heartbeat is older than this counts as interrupted.", valueName: "seconds"))
    var staleAfter: Double = ClaimPolicy.defaultStaleAfter

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard staleAfter > 0 else { throw ValidationError("--stale-after must be positive") }
    }

    func run() throws {
        let file = try loadExperiment(self.file, overrides: overrides)
        let plan = baselines && file.isSweep ? CompareBaselines.adding(to: try loadPlan(file)) : try loadPlan(file)
        if plan.exceedsMaxTrials && !yes {
            Console.error("error: \(file.config.name) has \(plan.count) trials, more than its max_trials (\(plan.maxTrials)); "
                + "check it with `cflab plan \(self.file)`, then pass --yes to run them all")
            throw ExitCode(1)
        }
        Linalg.setSingleThreaded()
        var preparer = ExperimentPreparer(file: file)
        let experiments = try reportingErrors { try plan.trials.map { try preparer.prepare($0.config) } }
        let writer = try noStore ? nil : reportingErrors {
            let writer = StoreWriter(store: try RunStore(path: store))
            try writer.register(file, preparer: preparer)
            return writer
        }
        let labels = SweepProgress.labels(for: plan.trials.map { ($0.assignment.map(\.description), $0.seed) })
        let reporter: any SweepReporter = file.isSweep
            ? SweepProgress(experiments: experiments, labels: labels, format: format)
            : SingleRunReporter(printer: RunPrinter(format: format, experiment: experiments[0]), storePath: writer?.path)
        let interrupt = InterruptSignal()
        let runner = SweepRunner(
            experiments: experiments, writer: writer,
            policy: ClaimPolicy(rerun: rerun, retryFailed: retryFailed, staleAfter: staleAfter),
            jobs: jobs, stop: interrupt.stop, reporter: reporter
        )
        interrupt.install(onFirstSignal: Console.announceStop) {
            runner.abandonInFlight()
            Foundation.exit(130)
        }
        let outcomes = runner.run()
        let tally = SweepTally(outcomes)
        if file.isSweep { (format == .text ? Console.out : Console.error)(tally.line(name: file.config.name, trials: plan.count)) }
        if let work = writer?.workDone, ProcessInfo.processInfo.environment["CFLAB_STORE_TIMING"] == "1" {
            Console.error(String(format: "store: %d writes, %.2f s in the writer", work.writes, work.seconds))
        }
        for failure in writer?.failures ?? [] { Console.error("error: the store missed a write: \(failure)") }
        if interrupt.isRequested { throw ExitCode(130) }
        if tally.failed > 0 || !(writer?.failures.isEmpty ?? true) { throw ExitCode(1) }
        if !file.isSweep, tally.diverged > 0 { throw ExitCode(3) }
    }

    /// The trials of `file` (one for a single-run file), config errors reported as for loading.
    private func loadPlan(_ file: ExperimentFile) throws -> SweepPlan {
        do {
            return try SweepExpander.expand(file)
        } catch let error as ConfigError {
            for issue in error.issues { Console.error("error: \(issue)") }
            throw ExitCode(1)
        }
    }
}

enum RunFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Runs `body`, turning any error into one `error:` line on stderr and exit 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        Console.error("error: \(error)")
        throw ExitCode(1)
    }
}
