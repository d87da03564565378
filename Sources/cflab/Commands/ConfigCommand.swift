import ArgumentParser
import CFConfig

/// `cflab config`: look at experiment files.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Inspect experiment files.",
        subcommands: [Show.self]
    )

    /// `cflab config show FILE`: the resolved file, defaults and overrides applied.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the resolved experiment file, with defaults and overrides applied."
        )

        @Argument(help: "The experiment file (YAML).")
        var file: String

        @Option(name: .customLong("set"), help: ArgumentHelp("Override a key, e.g. optimizer.lr=1e-3.", valueName: "key=value"))
        var overrides: [String] = []

        @Option(help: "Output format: yaml or json.")
        var format: ConfigFormat = .yaml

        func run() throws {
            let file = try loadExperiment(self.file, overrides: overrides)
            switch format {
            case .yaml: Console.out(ResolvedConfig.yaml(file).trimmingTrailingNewlines())
            case .json: Console.out(ResolvedConfig.json(file).compact)
            }
        }
    }
}

enum ConfigFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json
}

/// Loads an experiment file, turning config errors into one line per issue and exit 1.
func loadExperiment(_ path: String, overrides: [String]) throws -> ExperimentFile {
    do {
        return try ConfigLoader.load(path: path, overrides: overrides)
    } catch let error as ConfigError {
        for issue in error.issues { Console.error("error: \(issue)") }
        throw ExitCode(1)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
