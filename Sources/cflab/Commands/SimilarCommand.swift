import ArgumentParser
import CFAnalysis

/// `cflab similar RUN --item TITLE_OR_ID | --user ID`: nearest neighbours by embedding.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "List the items or users most similar to one, by cosine similarity of their embeddings.",
        discussion: """
        --item takes a raw item id or a title. Titles match in tiers: exact; ignoring \
        case and articles ("English Patient, The" = "The English Patient"); without the \
        year; then as a substring. When several items match equally, they are listed \
        and nothing is guessed. --user also lists the items that the user and the \
        closest neighbour both rated, with both ratings.
        """
    )

    @Argument(help: ArgumentHelp("The run id (`cflab runs` lists them).", valueName: "run"))
    var runId: Int64

    @Option(help: ArgumentHelp("The item: a raw id or a title.", valueName: "title-or-id"))
    var item: String?

    @Option(help: ArgumentHelp("The user: a raw id.", valueName: "id"))
    var user: String?

    @OptionGroup var limits: AnalysisLimits

    @OptionGroup var options: AnalysisOptions

    func validate() throws {
        guard (item == nil) != (user == nil) else { throw ValidationError("give exactly one of --item and --user") }
    }

    func run() throws {
        try reportingErrors {
            let analyzed = try options.load(run: runId)
            if let item {
                let matcher = TitleMatcher(items: analyzed.metadata.items, infos: analyzed.metadata.itemInfo, counts: analyzed.metadata.itemCounts)
                let similar = try SimilarItems(
                    run: analyzed, item: try matcher.match(item), count: limits.count, minimumRatings: limits.minRatings
                )
                options.print(similar.output)
            } else if let user {
                let similar = try SimilarUsers(
                    run: analyzed, user: try analyzed.user(user), count: limits.count, minimumRatings: limits.minRatings
                )
                options.print(similar.output(sharedLimit: limits.count))
            }
        }
    }
}
