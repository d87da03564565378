import ArgumentParser
import CFReport
import Foundation

/// `cflab report`: charts and an HTML page for a sweep or runs, regenerated from the store.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw a sweep's or runs' charts with gnuplot and write an offline index.html.",
        discussion: """
        Writes under OUT/plots/<sweep or run>/: each chart as a gnuplot script (.gp), its \
        data (.dat) and its images (.png, .svg), plus comparison.md and index.html. Charts: \
        training curves, an overlay of valid curves, sensitivity to each swept parameter, \
        PCA scree and scatter of the item embeddings, a heatmap, item biases, the learning \
        rate and beta1 per step, and ranking metrics. The same store always gives the same \
        tables and scripts. Without gnuplot, the scripts, data and page are still written.
        """
    )

    @Argument(help: "Run ids to report on (instead of --sweep).")
    var runIds: [Int64] = []

    @Option(help: ArgumentHelp("Report on the runs of this sweep.", valueName: "name"))
    var sweep: String?

    @Option(help: ArgumentHelp("The folder that receives plots/<name>/.", valueName: "dir"))
    var out: String = "."

    @Option(help: ArgumentHelp("The parameter that colours the overlay (default: model.kind when the runs have several, else one colour per configuration).", valueName: "key"))
    var colorBy: String?

    @Option(help: ArgumentHelp("Least training ratings of an item in the bias chart and PC1 table.", valueName: "n"))
    var minRatings: Int = 20

    @Option(help: ArgumentHelp("How many of the most-rated titles label the PCA scatter.", valueName: "n"))
    var labels: Int = 15

    @Option(help: ArgumentHelp("Comma-separated metric columns of the comparison table (as compare --metrics; default: all).", valueName: "names"))
    var metrics: String?

    @OptionGroup var location: StoreLocation

    func validate() throws {
        guard sweep != nil || !runIds.isEmpty else { throw ValidationError("give --sweep NAME or run ids") }
        guard minRatings >= 0, labels >= 0 else { throw ValidationError("--min-ratings and --labels must be 0 or more") }
    }

    func run() throws {
        let store = try location.openForReading()
        let options = ChartSet.Options(colorBy: colorBy, minRatings: minRatings, labelled: labels, metrics: CompareCommand.metricNames(metrics))
        // The page shows the exact command that made it, paths as given.
        let command = ["cflab"] + CommandLine.arguments.dropFirst()
        var writer = ReportWriter(root: URL(fileURLWithPath: out, isDirectory: true), options: options, command: Array(command))
        // On a terminal, one status line on stderr while gnuplot draws; piped, nothing.
        let showProgress = isatty(STDERR_FILENO) == 1
        if showProgress { writer.onChart = Self.showProgress }
        let outcome = try reportingErrors {
            // The status line is cleared before anything else is printed, an error too.
            defer { if showProgress { Console.progress("") } }
            return try writer.write(store: store, selection: RunSelection(sweep: sweep, runIds: runIds))
        }
        for reason in outcome.skipped { Console.error("not drawn: \(reason)") }
        for failure in outcome.failures { Console.error("gnuplot failed on \(failure)") }
        if !outcome.drewImages { Console.error(Gnuplot.installHint) }
        Console.out("\(outcome.charts.count) charts in \(outcome.folder.path)")
        Console.out(outcome.index.path)
    }

    /// `[3/9] drawing pca`, rewriting the status line; `[9/9] charts drawn` at the end.
    @Sendable static func showProgress(done: Int, total: Int, name: String) {
        Console.progress(done < total ? "[\(done)/\(total)] drawing \(name)" : "[\(total)/\(total)] charts drawn")
    }
}
