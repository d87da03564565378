import ArgumentParser
import CFConfig
import CFCore
import CFData
import CFExperiment
import CFText
import CFTraining
import Foundation

/// `cflab bench`: measures training speed (ratings/s, seconds per epoch, peak memory).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training speed: ratings/s, seconds per epoch and peak memory, per model kind.",
        discussion: """
        Without a file, it trains on synthetic data the size of ml-100k (943 users, 1,682 \
        items, 100,000 ratings). Build in release mode first (swift build -c release): debug \
        builds are tens of times slower.
        """
    )

    @Argument(help: "An experiment file to measure (default: built-in synthetic data, batch 64, Adam).")
    var file: String?

    @Option(help: "Model kinds to measure, comma-separated.")
    var models: String = "dot,dot_bias,nn"

    @Option(help: "Epochs per model.")
    var epochs: Int = 3

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Output: table, markdown or json.")
    var format = FormatChoice<BenchFormats>(.aligned)

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
    }

    func run() throws {
        #if DEBUG
        Console.error("warning: this is a debug build; measure a release build (swift build -c release)")
        #endif
        let base = try file.map { try loadExperiment($0, overrides: overrides) } ?? Self.defaultExperiment(overrides: overrides)
        let kinds = try models.split(separator: ",").map { name -> ModelConfig.Kind in
            guard let kind = ModelConfig.Kind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown model kind '\(name)'")
            }
            return kind
        }
        var preparer = ExperimentPreparer(file: base)
        var rows: [BenchRow] = []
        for kind in kinds {
            var config = base.config
            config.model.kind = kind
            if kind == .nn { config.model.yRange = .fixed(low: 0, high: 5.5) }
            config.training.epochs = epochs
            config.training.earlyStopping = nil
            let experiment = try reportingErrors { try preparer.prepare(config) }
            var reports: [EpochReport] = []
            _ = try reportingErrors { try experiment.trainer().run { reports.append($0); return .continue } }
            rows.append(BenchRow(kind: kind, dataset: experiment.dataset.name, trainRatings: experiment.split.train.count,
                                 reports: reports, peakMegabytes: PeakMemory.megabytes()))
        }
        BenchRow.print(rows, format: format.format)
    }

    static func defaultExperiment(overrides: [String]) throws -> ExperimentFile {
        let yaml = """
        version: 1
        name: bench
        seed: 1
        data:
          source: synthetic
          synthetic: {users: 943, items: 1682, ratings: 100000, rank: 8, noise: 0.3, seed: 7}
        split: {kind: random, valid: 0.2}
        model: {kind: dot_bias, embedding_dim: 50}
        optimizer: {kind: adam, lr: 1.0e-3}
        training: {epochs: 3, batch_size: 64}
        """
        do {
            return try ConfigLoader.parse(yaml: yaml, fileName: "bench", overrides: overrides)
        } catch let error as ConfigError {
            for issue in error.issues { Console.error("error: \(issue)") }
            throw ExitCode(1)
        }
    }
}

/// `bench`: `table`, `markdown`, `json` (JSON Lines, one object per model).
enum BenchFormats: FormatMenu {
    static let formats: [TableFormat] = [.aligned, .markdown, .json]
}

/// The process's peak resident memory so far.
enum PeakMemory {
    static func megabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
