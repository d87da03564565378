import ArgumentParser
import CFAnalysis
import CFStore
import CFText

/// The options every analysis command shares: the store, the output format, and how
/// a stored run is loaded and its output printed.
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var location: StoreLocation

    @Option(help: "Output format: table, markdown, csv or json.")
    var format = FormatChoice<ListFormats>(.aligned)

    /// Run `run` rebuilt from the store (opened read-only).
    func load(run: Int64) throws -> AnalyzedRun {
        let store = try location.openForReading()
        return try AnalyzedRun(try store.loadModel(runId: run))
    }

    /// Prints `output` in the chosen format.
    func print(_ output: AnalysisOutput) {
        Console.out(output.rendered(as: format.format))
    }
}

extension Recommendations.Exclusion: ExpressibleByArgument {}

/// `-n`, and `--min-ratings` with its default of 20, as the analysis commands spell them.
struct AnalysisLimits: ParsableArguments {
    @Option(name: [.customShort("n"), .long], help: "How many rows to list.")
    var count: Int = 10

    @Option(help: "Only items (and users) with at least this many training ratings.")
    var minRatings: Int = 20

    func validate() throws {
        guard count >= 1 else { throw ValidationError("-n must be at least 1") }
        guard minRatings >= 0 else { throw ValidationError("--min-ratings must not be negative") }
    }
}
