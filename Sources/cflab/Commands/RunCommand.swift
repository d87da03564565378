import ArgumentParser
import CFConfig
import CFCore
import CFExperiment
import CFLinalg
import CFReport
import CFStore
import CFText
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
        boundary and marks the runs in flight interrupted; SIGTERM and SIGHUP do the same \
        (exit 130, 143, 129). Every line printed is already in the store. Exit 0 only when \
        every trial is done (completed or diverged, here or before) or being trained by a \
        live process; a failed trial or store write exits 1 with a one-line reason (disk \
        full, read-only, damaged), a single run that diverged exits 3.
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

    @Flag(help: "Confirm running a sweep that has more trials than its max_trials.")
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
        if file.isSweep, !overrides.isEmpty {
            Console.error("note: --set makes this a sweep of its own, \(file.config.name); compare it with --sweep \(file.config.name)")
        }
        let plan = baselines && file.isSweep ? CompareBaselines.adding(to: try loadPlan(file)) : try loadPlan(file)
        if plan.exceedsMaxTrials && !yes {
            Console.error("error: \(file.config.name) has \(plan.count) trials, more than its max_trials (\(plan.maxTrials)); "
                + "check it with `cflab plan \(self.file)`, then pass --yes to run them all")
            throw ExitCode(1)
        }
        Linalg.setSingleThreaded()
        var preparer = ExperimentPreparer(file: file)
        let experiments = try reportingErrors { try preparer.prepareAll(plan.trials.map(\.config)) }
        FaultPoint.hit("before-migration")
        let writer = try noStore ? nil : Self.openWriter(path: store, file: file, preparer: preparer)
        // Said once the store has taken the run: a refused store is the one line printed.
        for note in Self.dataNotes(experiments) { Console.error("note: \(note)") }
        let labels = SweepProgress.labels(for: plan.trials.map { ($0.assignment.map(\.description), $0.seed) })
        let owner: @Sendable (Int64) -> (name: String, isLive: Bool)? = { [writer, staleAfter] id in
            (try? writer?.store.run(id: id)).flatMap(TrialOwner.init).map { ($0.name, $0.isLive(staleAfter: staleAfter)) }
        }
        let reporter: any SweepReporter = file.isSweep
            ? SweepProgress(experiments: experiments, labels: labels, format: format, total: plan.count + plan.laterTrials)
            : SingleRunReporter(printer: RunPrinter(format: format, experiment: experiments[0]), storePath: writer?.path, owner: owner)
        let interrupt = InterruptSignal()
        let name = file.config.name, stop = interrupt.stop
        let board = file.sweep?.earlyTerminate.map {
            RungBoard(rule: $0, sweep: name, writer: writer, staleAfter: staleAfter, stop: stop)
        }
        var source: TPESource?
        if let sweep = file.sweep, sweep.method == .tpe {
            let expansion = try reportingErrors { try SweepExpander.firstBatch(file, sweep: sweep) }
            source = TPESource(expansion: expansion, preparer: preparer, writer: writer, staleAfter: staleAfter, stop: stop)
        }
        let runner = SweepRunner(
            experiments: experiments, writer: writer,
            policy: ClaimPolicy(rerun: rerun, retryFailed: retryFailed, staleAfter: staleAfter),
            jobs: jobs, stop: interrupt.stop, reporter: reporter, board: board, source: source
        )
        interrupt.install(onFirstSignal: Console.announceStop) {
            runner.abandonInFlight()
            Foundation.exit(interrupt.exitCode ?? 130)
        }
        let outcomes = runner.run()
        if let failure = runner.proposalFailure { Console.error("error: \(failure)") }
        let verdict = SweepVerdict(
            outcomes: outcomes, store: writer?.store, staleAfter: staleAfter, signal: interrupt.firstSignal,
            storeFailure: runner.storeFailure, heartbeatFailures: writer?.heartbeatFailures ?? [], isSweep: file.isSweep
        )
        if file.isSweep { (format == .text ? Console.out : Console.error)(verdict.line(name: file.config.name)) }
        if format == .text, let store = writer?.store, file.sweep?.parameters.contains(where: { $0.path == "split.fold" }) == true {
            Self.printCrossValidation(sweep: file.config.name, store: store)
        }
        if let work = writer?.workDone, ProcessInfo.processInfo.environment["CFLAB_STORE_TIMING"] == "1" {
            Console.error(String(format: "store: %d writes, %.2f s in the writer", work.writes, work.seconds))
        }
        // A single run's reporter has already said why its trial failed or was skipped.
        let explained = !file.isSweep && (verdict.tally.failed + verdict.tally.busy + verdict.tally.failedBefore) > 0
        if let reason = verdict.reason, !explained { Console.error(reason) }
        if verdict.exitCode != 0 { throw ExitCode(verdict.exitCode) }
    }

    /// Opens (creating or migrating) the store and registers the experiment, a failure
    /// reported as one line ("the store: disk full: ...") and exit 1.
    private static func openWriter(path: String, file: ExperimentFile, preparer: ExperimentPreparer) throws -> StoreWriter {
        do {
            let writer = StoreWriter(store: try RunStore(path: path))
            try writer.register(file, preparer: preparer)
            return writer
        } catch {
            Console.error("error: \(StoreWriteFailure(error, runId: nil, path: path).line)")
            throw ExitCode(1)
        }
    }

    /// A sweep over folds ends with its cross-validation table (`cflab compare --sweep`),
    /// so that a k-fold mean is one command. A table that cannot be made is left to compare.
    static func printCrossValidation(sweep: String, store: RunStore) {
        guard let table = try? ComparisonRequest(selection: RunSelection(sweep: sweep)).table(in: store) else { return }
        Console.out("")
        Console.out(TableRenderer(format: .aligned).render(table))
    }

    /// What each distinct dataset of the trials says about itself (`Dataset.notes`: an
    /// observed rating range, items missing from the catalogue), once per dataset.
    static func dataNotes(_ experiments: [PreparedExperiment]) -> [String] {
        var seen: Set<String> = []
        var notes: [String] = []
        for experiment in experiments where seen.insert(experiment.dataset.fingerprint + "|" + experiment.dataset.name).inserted {
            notes += experiment.dataset.notes.map { "\(experiment.dataset.name): \($0)" }
        }
        return notes
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
