import ArgumentParser
import CFAnalysis

/// `cflab recommend RUN --user ID`: the unrated items a stored run predicts highest.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "List the items a user has not rated with the highest predicted ratings.",
        discussion: """
        Items the user rated in training are never recommended; with \
        --exclude-rated-in all, neither are items rated in validation or test.
        """
    )

    @Argument(help: ArgumentHelp("The run id (`cflab runs` lists them).", valueName: "run"))
    var runId: Int64

    @Option(help: ArgumentHelp("The user: a raw id.", valueName: "id"))
    var user: String

    @OptionGroup var limits: AnalysisLimits

    @Option(help: "Leave out the user's items rated in train, or in all parts (train, validation, test).")
    var excludeRatedIn: Recommendations.Exclusion = .train

    @OptionGroup var options: AnalysisOptions

    func run() throws {
        try reportingErrors {
            let analyzed = try options.load(run: runId)
            let recommendations = try Recommendations(
                run: analyzed, user: try analyzed.user(user), count: limits.count,
                minimumRatings: limits.minRatings, excluding: excludeRatedIn
            )
            options.print(recommendations.output)
        }
    }
}
