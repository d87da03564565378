import ArgumentParser
import CFConfig
import CFCore
import CFTraining
import Foundation

/// `cflab run FILE`: trains what an experiment file describes, printing every epoch.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train the experiment a YAML file describes, printing every epoch."
    )

    @Argument(help: "The experiment file (YAML).")
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a key, e.g. optimizer.lr=1e-3 (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Output: text (aligned lines) or json (one object per line).")
    var format: RunFormat = .text

    func run() throws {
        let file = try loadExperiment(self.file, overrides: overrides)
        let experiment = try reportingErrors { try PreparedExperiment.prepare(file) }
        let printer = RunPrinter(format: format, experiment: experiment)
        printer.begin()
        let trainer = try reportingErrors { try experiment.trainer() }
        let result = try reportingErrors { try trainer.run { report in
            printer.epoch(report)
            return .continue
        } }
        printer.finish(result)
        if result.status == .diverged { throw ExitCode(3) }
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
