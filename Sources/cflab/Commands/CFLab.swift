import ArgumentParser
import CFExperiment

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
            CompareCommand.self, ReportCommand.self, StoreCommand.self,
        ]
    )

    /// Parses the arguments and runs the command, with SIGXFSZ ignored so that a write
    /// past `ulimit -f` fails with a message instead of killing the process silently.
    static func main() {
        InterruptSignal.ignoreFileSizeLimit()
        main(nil)
    }
}
