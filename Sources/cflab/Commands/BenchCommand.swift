import ArgumentParser
import CFConfig
import CFCore
import CFData
import CFExperiment
import CFLinalg
import CFText
import CFTraining
import Foundation

/// `cflab bench`: measures training, loading and splitting speed on named cases.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed on named cases: ratings/s, seconds per epoch (median, min, max) and peak memory.",
        discussion: """
        Cases (--list describes them): \(BenchCase.all.map(\.name).joined(separator: ", ")). Without \
        --case it runs \(BenchCase.defaultNames.joined(separator: ", ")) (each model kind at ml-100k size). \
        Several cases run one child process each, so that each peak memory is the case's own. \
        The large cases read synthetic ratings files cached under $CFLAB_BENCH_DATA (default \
        ~/.cache/cflab/bench), written once. Measure a release build (swift build -c release): \
        debug builds are tens of times slower.
        """
    )

    @Argument(help: "An experiment file to measure instead of the named cases.")
    var file: String?

    @Option(name: .customLong("case"), help: ArgumentHelp("Cases to run, comma-separated or repeated; `all` for every case.", valueName: "name"))
    var cases: [String] = []

    @Flag(help: "Run each case on its quick shape (a twentieth of the MovieLens 20M shape), for smoke tests.")
    var quick = false

    @Option(help: "training.threads for the training and evaluation cases.")
    var threads: Int = 1

    @Option(help: "Epochs per training case (repetitions of a loading, splitting or evaluation case).")
    var epochs: Int = 3

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key of every training or evaluation case (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    @Flag(help: "List the cases and exit.")
    var list = false

    @Option(help: "Output: table, markdown or json (one object per case).")
    var format = FormatChoice<BenchFormats>(.aligned)

    func validate() throws {
        guard epochs >= 1 else { throw ValidationError("--epochs must be at least 1") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        for name in caseNames where BenchCase.named(name) == nil {
            let hint = EditDistance.suggestion(for: name, among: BenchCase.all.map(\.name)).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("unknown case '\(name)'\(hint); `cflab bench --list` describes them")
        }
        if file != nil, !cases.isEmpty { throw ValidationError("give an experiment file or --case, not both") }
    }

    /// The cases asked for, in the order given.
    var caseNames: [String] {
        let names = cases.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        if names.contains("all") { return BenchCase.all.map(\.name) }
        return names.isEmpty ? BenchCase.defaultNames : names
    }

    func run() throws {
        if list {
            for benchCase in BenchCase.all {
                Console.out("\(benchCase.name): \(benchCase.summary) (quick: \(benchCase.quickShape.label))")
            }
            return
        }
        #if DEBUG
        Console.error("warning: this is a debug build; measure a release build (swift build -c release)")
        #endif
        Linalg.setSingleThreaded()
        if let file {
            let experiment = try loadExperiment(file, overrides: overrides)
            let row = try reportingErrors { try BenchMeasurement(epochs: epochs, threads: threads).train(experiment, name: experiment.config.name) }
            BenchRow.print([row], format: format.format)
            return
        }
        let names = caseNames
        let measurement = BenchMeasurement(epochs: epochs, threads: threads, quick: quick, overrides: overrides)
        let rows: [JSONValue]
        if names.count == 1, let only = BenchCase.named(names[0]) {
            rows = [try reportingErrors { try measurement.measure(only) }]
        } else {
            rows = try names.map { try runChild(case: $0) }
        }
        BenchRow.print(rows, format: format.format)
    }

    /// Runs one case in a child `cflab bench` and reads its JSON row back.
    private func runChild(case name: String) throws -> JSONValue {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executablePath)
        var arguments = ["bench", "--case", name, "--epochs", String(epochs), "--threads", String(threads), "--format", "json"]
        if quick { arguments.append("--quick") }
        for override in overrides { arguments += ["--set", override] }
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Console.error("error: bench case \(name) failed (exit \(process.terminationStatus))")
            throw ExitCode(1)
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = text.split(separator: "\n").last, let row = try? JSONValue.parse(String(last)) else {
            Console.error("error: bench case \(name) printed no result")
            throw ExitCode(1)
        }
        return row
    }

    /// This executable, to run a case in a child process.
    static var executablePath: String {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}

/// `bench`: `table`, `markdown`, `json` (JSON Lines, one object per case).
enum BenchFormats: FormatMenu {
    static let formats: [TableFormat] = [.aligned, .markdown, .json]
}
