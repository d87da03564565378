import ArgumentParser
import CFCore
import CFExperiment
import CFLinalg

/// The `cflab` command: reproducible collaborative-filtering experiments.
@main
struct CFLab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cflab",
        abstract: "Reproducible experiments with collaborative-filtering embedding models.",
        discussion: """
        Train dot, dot_bias and nn models on MovieLens-style ratings from declarative \
        YAML experiment files. Data is found under $CFLAB_DATA (default ../shared/data).
        """,
        version: CFLabVersion.string,
        subcommands: [
            RunCommand.self, PlanCommand.self, RunsCommand.self, ShowCommand.self, ReproduceCommand.self,
            ExportCommand.self, ConfigCommand.self, DataCommand.self, BenchCommand.self,
            InspectCommand.self, SimilarCommand.self, RecommendCommand.self, PredictCommand.self,
            CompareCommand.self, EnsembleCommand.self, RefitCommand.self, ReportCommand.self, StoreCommand.self,
            ServeCommand.self,
        ]
    )

    /// Parses the arguments and runs the command, with SIGXFSZ ignored so that a write
    /// past `ulimit -f` fails with a message instead of killing the process silently.
    /// First of all, OpenBLAS gets the kernels the CPU allows when it chose older ones
    /// (`BLASCore`: the process starts again once, with `OPENBLAS_CORETYPE` set).
    static func main() {
        BLASCore.restartWithPreferredCoreIfNeeded()
        InterruptSignal.ignoreFileSizeLimit()
        if let unknown = unknownHelpTopic(Array(CommandLine.arguments.dropFirst())) {
            Console.error("Error: unknown command '\(unknown)'")
            Console.error("Usage: cflab <subcommand>")
            Console.error("  See 'cflab --help' for the commands.")
            exit(withError: ExitCode(64))
        }
        // Loading, splitting and evaluating show progress on a terminal, never when piped.
        ProgressReport.$sink.withValue(TerminalProgress.forProcess) {
            main(nil)
        }
    }

    /// The first word of `cflab help WORDS...` that names no command (ArgumentParser would
    /// print the top-level help and exit 0), or nil.
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var commands: [any ParsableCommand.Type] = configuration.subcommands
        for word in arguments.dropFirst() where !word.hasPrefix("-") {
            guard let command = commands.first(where: { $0._commandName == word }) else { return word }
            commands = command.configuration.subcommands
        }
        return nil
    }
}
