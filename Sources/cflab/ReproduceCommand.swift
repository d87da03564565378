import ArgumentParser
import CFConfig
import CFData
import CFLinalg
import CFStore
import CFText
import CFTraining
import Foundation

/// `cflab reproduce RUN_ID`: trains a stored run again and checks that it matches.
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Train a stored run again from its config and seeds, and check every epoch's metrics.",
        discussion: """
        Exit 0 when it matches, 1 when any metric differs, 2 when the data's fingerprint \
        differs from the stored one. With the same build id the metrics must be bitwise \
        identical; between different builds each value must be within a relative \
        tolerance of 1e-6 (|a - b| <= 1e-6 * max(|a|, |b|)). Timings are not compared. \
        The new run is recorded, linked to the original.
        """
    )

    @Argument(help: "The id of the run to reproduce.")
    var runId: Int64

    @OptionGroup var location: StoreLocation

    func run() throws {
        let store = try location.open()
        let original = try reportingErrors { try store.run(id: runId) }
        let storedEpochs = try reportingErrors { try store.epochs(runId: runId) }
        let experiment = try prepare(original)
        Linalg.setSingleThreaded()
        let build = BuildInfo.current
        let exact = build.id == original.buildId
        Console.out("reproducing run \(runId) (\(original.name), \(experiment.config.model.kind.rawValue), seed \(experiment.config.seed))"
            + " with build \(build.id)" + (exact ? " (same build: bitwise)" : " (was \(original.buildId): relative tolerance 1e-6)"))
        if let key = original.trialKey, key != experiment.trialKey {
            Console.error("warning: the trial key changed (\(key.prefix(12)) -> \(experiment.trialKey.prefix(12))); the config reads differently in this build")
        }
        let writer = StoreWriter(store: store)
        let newId = try reportingErrors { try store.startRun(experiment.newRun(reproducing: runId), trialKey: experiment.trialKey) }
        let interrupt = InterruptSignal()
        let inFlight = LockedValue<Set<Int64>>([])
        interrupt.install {
            _ = try? store.markInterrupted(runIds: [newId], reason: "interrupted by a second signal")
            Foundation.exit(130)
        }
        let trial = TrialRun(experiment: experiment, writer: writer, policy: ClaimPolicy(), interrupt: interrupt, inFlight: inFlight)
        let outcome = trial.train(runId: newId, onEpoch: { _ in })
        writer.flush()
        guard case let .trained(_, status, result) = outcome else {
            if case let .failed(_, message) = outcome { Console.error("error: \(message)") }
            throw ExitCode(1)
        }
        if status == .interrupted { throw ExitCode(130) }
        let stored = storedEpochs.map { (label: String($0.epoch), metrics: $0.metrics) }
        let again = result.epochs.map { (label: String($0.epoch), metrics: $0.metrics) }
        var comparison = MetricComparison(stored: stored, reproduced: again, exact: exact)
        Console.out(TableRenderer(format: .aligned).render(comparison.table))
        if let test = original.testMetrics {
            let testComparison = MetricComparison(
                stored: [(label: "test", metrics: test)],
                reproduced: result.testMetrics.map { [(label: "test", metrics: $0)] } ?? [], exact: exact)
            Console.out(TableRenderer(format: .aligned).render(testComparison.table))
            comparison.include(testComparison)
        }
        Console.out("recorded as run \(newId), reproducing run \(runId)")
        if comparison.differences.isEmpty {
            Console.out(exact ? "bitwise identical: \(comparison.comparedValues) values over \(storedEpochs.count) epochs"
                              : "matches within tolerance (relative 1e-6): \(comparison.comparedValues) values over \(storedEpochs.count) epochs")
            return
        }
        Console.out("DIFFERS: \(comparison.differences.count) of \(comparison.comparedValues) values"
            + (exact ? " are not bitwise identical" : " exceed the relative tolerance 1e-6"))
        for line in comparison.details() { Console.out(line) }
        throw ExitCode(1)
    }

    /// The stored config with its data reloaded from the stored path; exit 2 if the data changed.
    private func prepare(_ original: RunRecord) throws -> PreparedExperiment {
        let file = try reportingErrors { try ConfigLoader.parse(yaml: original.config.canonical, fileName: "run \(original.id)") }
        var data = file.config.data
        if let path = original.dataPath {
            data.path = path
            if data.source == .csv { data.csv.path = path }
        }
        let where_ = original.dataPath ?? "\(original.dataSource) \(original.dataName)"
        let dataset: Dataset
        do {
            dataset = try DatasetLoader.load(data, relativeTo: nil)
        } catch {
            Console.error("error: cannot load the data of run \(original.id) from \(where_): \(error)")
            throw ExitCode(2)
        }
        guard dataset.fingerprint == original.dataFingerprint else {
            Console.error("error: the data at \(where_) has fingerprint \(dataset.fingerprint), but run \(original.id) "
                + "was trained on data with fingerprint \(original.dataFingerprint); restore that data to reproduce it")
            throw ExitCode(2)
        }
        return try reportingErrors { try PreparedExperiment.prepare(file, dataset: dataset) }
    }
}
