import ArgumentParser
import CFConfig
import CFCore
import CFReport
import CFStore
import CFText
import CFTraining

/// `cflab show RUN_ID`: one run's outcome, provenance, config and epochs.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a run: outcome, provenance (data, split, seeds, build, host), config and epoch table."
    )

    @Argument(help: "The run's id.")
    var runId: Int64

    @Option(help: "Output: text, or json (the run as `runs --format json` gives it, with its config, provenance and every epoch).")
    var format: RunFormat = .text

    @OptionGroup var location: StoreLocation

    func run() throws {
        let store = try location.openForReading()
        let run = try reportingErrors { try store.run(id: runId) }
        let epochs = try reportingErrors { try store.epochs(runId: runId) }
        switch format {
        case .text: Console.lines(Self.describe(run, epochs: epochs))
        case .json: Console.out(Self.json(run, epochs: epochs).indented)
        }
    }

    /// The run as one JSON object: the listing's fields, then its config, provenance and
    /// epochs (numbers in full, missing as null); `RunJSON`, shared with `cflab serve`.
    static func json(_ run: RunRecord, epochs: [EpochRecord]) -> JSONValue {
        RunJSON.detail(run, epochs: epochs)
    }


    static func describe(_ run: RunRecord, epochs: [EpochRecord]) -> [String] {
        var lines = ["run \(run.id): \(run.name), \(run.status.rawValue)" + (run.error.map { " (\($0))" } ?? "")]
        if !run.sweep.isEmpty {
            lines.append("  sweep \(run.sweep), attempt \(run.attempt)\(run.isCurrent ? "" : " (superseded)"), trial \(run.trialKey ?? "-")")
        }
        if let original = run.reproducesRunId { lines.append("  reproduces run \(original)") }
        lines.append("  started \(run.startedAt ?? "-"), ended \(run.endedAt ?? "-"), "
            + "\(RunListing.number(run.durationSeconds, digits: 1)) s, heartbeat \(run.heartbeatAt ?? "-")")
        if let best = run.bestEpoch {
            lines.append("  best epoch \(best): " + metricLine(run.bestMetrics))
        }
        if let test = run.testMetrics { lines.append("  test: " + metricLine(test)) }
        if !run.tags.isEmpty { lines.append("  tags: " + run.tags.joined(separator: ", ")) }
        lines.append("provenance")
        lines.append("  data: \(run.dataSource) \(run.dataName) \(run.dataPath ?? "(generated)")")
        lines.append("  data fingerprint: \(run.dataFingerprint)")
        lines.append("  split: \(run.split.compact)")
        lines.append("  split fingerprint: \(run.splitFingerprint)")
        lines.append("  seed \(run.seed), streams \(run.streamSeeds.compact)")
        lines.append("  build \(run.buildId): \(run.build.compact)")
        lines.append("  host: \(run.host ?? "-") pid \(run.processId.map(String.init) ?? "-"), \(run.operatingSystem)")
        lines.append("  cpu: \(run.cpuModel), threads \(run.threads)")
        lines.append("config")
        lines += YAMLPrinter.print(run.config).trimmingTrailingNewlines().split(separator: "\n").map { "  " + $0 }
        lines.append("epochs")
        let reports = epochs.map { EpochReport(epoch: $0.epoch, metrics: $0.metrics, trace: []) }
        lines += TableRenderer(format: .aligned).render(EpochTable.table(reports, best: run.bestEpoch)).split(separator: "\n").map(String.init)
        return lines
    }

    static func metricLine(_ metrics: [String: Double]) -> String {
        metrics.keys.sorted().filter { !MetricName.timings.contains($0) }
            .map { "\($0) \(Self.metricText($0, metrics[$0]))" }.joined(separator: ", ")
    }

    /// A metric for people: 4 decimals, but the learning rate (often 1e-3 or smaller) in
    /// 3 significant digits, so that it never reads `0.0000`.
    static func metricText(_ name: String, _ value: Double?) -> String {
        guard name == MetricName.learningRate, let value else { return RunListing.number(value) }
        return NumberStyle.significant(3).text(value)
    }
}
