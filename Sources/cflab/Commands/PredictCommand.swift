import ArgumentParser
import CFAnalysis

/// `cflab predict RUN --user ID --item ID`: one predicted rating from a stored run.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict one user's rating of one item, saying when a cold-start fallback was used.",
        discussion: "Also shows the actual rating when the pair was rated, and in which part."
    )

    @Argument(help: ArgumentHelp("The run id (`cflab runs` lists them).", valueName: "run"))
    var runId: Int64

    @Option(help: ArgumentHelp("The user: a raw id.", valueName: "id"))
    var user: String

    @Option(help: ArgumentHelp("The item: a raw id or a title.", valueName: "id"))
    var item: String

    @OptionGroup var options: AnalysisOptions

    func run() throws {
        try reportingErrors {
            let analyzed = try options.load(run: runId)
            let matcher = TitleMatcher(items: analyzed.metadata.items, infos: analyzed.metadata.itemInfo, counts: analyzed.metadata.itemCounts)
            let prediction = Prediction(run: analyzed, user: try analyzed.user(user), item: try matcher.match(item))
            options.print(prediction.output)
        }
    }
}
