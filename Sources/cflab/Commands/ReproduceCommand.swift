import ArgumentParser
import CFExperiment
import CFLinalg
import CFStore
import CFText
import Foundation

/// `cflab reproduce RUN_ID`: trains a stored run again and checks that it matches.
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Train a stored run again from its config and seeds, and check every epoch's metrics.",
        discussion: """
        The data is found by its stored fingerprint, looked for in order at --data, the \
        stored path, then $CFLAB_DATA/<name>, ./data/<name> and ../shared/data/<name>, so \
        a store moved to another machine reproduces. Every stored metric is compared: each \
        epoch's, the best and final ones (ranking metrics included) and the test part's. \
        With the same build id they must be bitwise identical; between different builds \
        each value must be within a relative tolerance of 1e-6 (|a - b| <= 1e-6 * \
        max(|a|, |b|)). Timings are not compared. The new run is recorded, linked to the \
        original. Exit 0 when it matches, 1 when any metric differs, 2 when data is found \
        but none has the stored fingerprint, 3 when no data is found.
        """
    )

    @Argument(help: "The id of the run to reproduce.")
    var runId: Int64

    @Option(help: ArgumentHelp("Where the run's data is now (a MovieLens folder or ratings file), tried first.", valueName: "path"))
    var data: String?

    @OptionGroup var location: StoreLocation

    func run() throws {
        let original = try location.existingRun(runId)
        let store = try location.openExisting()
        let reproducer = Reproducer(store: store)
        let experiment: PreparedExperiment
        do {
            experiment = try reproducer.prepare(original, dataPath: data)
        } catch let error as ReproductionError {
            Console.error("error: \(error)")
            throw ExitCode(error.exitCode)
        }
        Linalg.setSingleThreaded()
        let build = reproducer.build
        let exact = build.id == original.buildId
        Console.lines(["reproducing run \(runId) (\(original.name), \(experiment.config.model.kind.rawValue), seed \(experiment.config.seed), "
            + "semantics \(experiment.semantics.version)) with build \(build.id)"
            + (exact ? " (same build: bitwise)" : " (was \(original.buildId): relative tolerance 1e-6)")])
        if let key = original.trialKey, key != experiment.trialKey {
            Console.error("warning: the trial key changed (\(key.prefix(12)) -> \(experiment.trialKey.prefix(12))); the config reads differently in this build")
        }
        let interrupt = InterruptSignal()
        let newRun = LockedValue<Int64?>(nil)
        interrupt.install(onFirstSignal: Console.announceStop) {
            if let id = newRun.current { _ = try? store.markInterrupted(runIds: [id], reason: "interrupted by a second signal") }
            Foundation.exit(interrupt.exitCode ?? 130)
        }
        let reproduction: Reproduction
        do {
            reproduction = try reproducer.reproduce(
                original, experiment: experiment, stop: interrupt.stop, onStart: { id in newRun.withLock { $0 = id } })
        } catch let error as ReproductionError {
            if case .interrupted = error { throw ExitCode(interrupt.exitCode ?? 130) }
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
        let renderer = TableRenderer(format: .aligned)
        Console.out(renderer.render(ComparisonText.table(reproduction.epochs)))
        Console.out(renderer.render(ComparisonText.table(reproduction.outcome)))
        if let test = reproduction.test { Console.out(renderer.render(ComparisonText.table(test))) }
        let retired = Set(reproduction.epochs.notCompared + reproduction.outcome.notCompared + (reproduction.test?.notCompared ?? [])).sorted()
        if !retired.isEmpty {
            Console.out("not compared: \(retired.joined(separator: ", ")), which this build no longer computes (see docs/metrics.md)")
        }
        if let id = reproduction.newRunId { Console.out("recorded as run \(id), reproducing run \(runId)") }
        let values = "\(reproduction.comparedValues) values over \(reproduction.storedEpochCount) epochs"
        switch reproduction.verdict {
        case .bitwiseIdentical:
            Console.out("bitwise identical: \(values)")
        case .withinTolerance:
            Console.out("matches within tolerance (relative 1e-6): \(values)")
        case .differs:
            Console.out("DIFFERS: \(reproduction.differences.count) of \(reproduction.comparedValues) values"
                + (reproduction.exact ? " are not bitwise identical" : " exceed the relative tolerance 1e-6"))
            for line in ComparisonText.details(reproduction.differences) { Console.out(line) }
            throw ExitCode(1)
        }
    }
}
