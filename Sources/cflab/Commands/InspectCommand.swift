import ArgumentParser
import CFAnalysis

/// `cflab inspect RUN`: what a stored run learned about items.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the items with the highest and lowest learned bias and the principal components of the item embeddings.",
        discussion: """
        Lists the N items with the highest and the lowest learned bias, the N items at \
        each end of a principal component of the item embeddings (PC1 unless \
        --component is given), and the share of variance each component explains. \
        Only items with at least --min-ratings training ratings take part.
        """
    )

    @Argument(help: ArgumentHelp("The run id (`cflab runs` lists them).", valueName: "run"))
    var runId: Int64

    @OptionGroup var limits: AnalysisLimits

    @Option(help: "The principal component whose extremes are listed (1-based).")
    var component: Int = 1

    @OptionGroup var options: AnalysisOptions

    func run() throws {
        try reportingErrors {
            let analyzed = try options.load(run: runId)
            let inspection = try Inspection(run: analyzed, count: limits.count, minimumRatings: limits.minRatings, component: component)
            options.print(inspection.output)
        }
    }
}
