import CFText

/// One predicted rating, with the actual rating when the pair was rated and whether a
/// cold-start fallback was used.
public struct Prediction {
    public let run: AnalyzedRun
    public let user: Int32
    public let item: Int32
    public let value: Float
    /// The pair's rating and part (`train` or `held out`), when it was rated.
    public let actual: (rating: Float, part: String)?
    /// Whether the user or the item has no training ratings.
    public let isColdStart: Bool

    public init(run: AnalyzedRun, user: Int32, item: Int32) {
        var value = run.model.predict(users: [user], items: [item])[0]
        if run.config.evaluation.clip {
            value = min(max(value, run.metadata.ratingMin), run.metadata.ratingMax)
        }
        self.run = run
        self.user = user
        self.item = item
        self.value = value
        isColdStart = run.statistics.isColdStart(user: user, item: item)
        let pairs = run.metadata.ratedPairs
        if let rating = pairs?.training.rating(user: user, item: item) {
            actual = (rating, "train")
        } else if let rating = pairs?.heldOut.rating(user: user, item: item) {
            actual = (rating, "held out")
        } else {
            actual = nil
        }
    }

    /// The prediction as a one-row table, with the cold-start note when one applies.
    public var output: AnalysisOutput {
        let metadata = run.metadata
        let table = AnalysisTable(
            title: "Prediction of run \(run.runId) (\(run.kind))",
            key: "prediction",
            columns: [.named("user"), .named("item"), .named("title", alignsRight: false), .named("predicted"),
                      .named("actual"), .named("rated in", alignsRight: false), .named("cold start", alignsRight: false)],
            rows: [[
                .text(metadata.users.raw(user)), .text(metadata.items.raw(item)), .text(metadata.itemInfo[Int(item)].title),
                .number(float: value, decimals: 3), actual.map { .number(float: $0.rating, decimals: 1) } ?? .missing,
                actual.map { .text($0.part) } ?? .missing, .text(isColdStart ? "yes" : "no"),
            ]]
        )
        return AnalysisOutput(tables: [table], notes: ColdStartNote.pair(user: user, item: item, in: run).map { [$0] } ?? [])
    }
}
