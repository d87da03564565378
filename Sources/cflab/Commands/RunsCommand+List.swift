import ArgumentParser
import CFCore
import CFStore
import CFText
import Foundation

extension RunsCommand {
    /// `cflab runs [list]`: the runs that match, as a table, Markdown, CSV or JSON.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List runs (the default).",
            discussion: """
            --where filters by config keys (model.kind), metrics at the best epoch \
            (valid_rmse; final.X, test.X) and run columns (status, tag, seed...), e.g. \
            --where 'model.kind = dot_bias and (model.dropout >= 0.3 or optimizer.lr in (1e-3, 3e-3))'. \
            Values are always bound, never pasted into SQL.
            """
        )

        @OptionGroup var location: StoreLocation

        @Option(help: "Only runs of this sweep.")
        var sweep: String?

        @Option(help: "Only runs with this status (repeatable).")
        var status: [RunStatus] = []

        @Option(help: "Only runs carrying this tag.")
        var tag: String?

        @Option(help: ArgumentHelp("Sort by a metric, a run column or a config key (runs without it last).", valueName: "field"))
        var sort: String?

        @Flag(help: "Sort from largest to smallest.")
        var descending = false

        @Option(help: "Show at most this many runs.")
        var limit: Int?

        @Option(name: .customLong("where"), help: ArgumentHelp("A filter expression (see above).", valueName: "expression"))
        var filter: String?

        @Option(help: "Output: table, markdown, csv or json.")
        var format = FormatChoice<ListFormats>(.aligned)

        @Flag(help: "Print only the ids, one a line, in the listing's order (for scripts: cflab report $(cflab runs ... --ids)).")
        var ids = false

        func run() throws {
            let store = try location.openForReading()
            let query = RunQuery(sweep: sweep, statuses: status, tag: tag, filter: try parseWhere(filter),
                                 sort: sort, descending: descending, limit: limit)
            let runs: [RunRecord]
            do {
                runs = try store.runs(matching: query)
            } catch let error as WhereError {
                Console.error(error.description.replacingOccurrences(of: "--where:", with: "--sort:"))
                throw ExitCode(1)
            } catch {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
            if ids {
                Console.lines(runs.map { String($0.id) })
                return
            }
            let keys = try sweep.map { name in try reportingErrors { try store.sweeps() }.first { $0.name == name }?.sweptKeys ?? [] } ?? []
            let listing = RunListing(runs: runs, sweptKeys: keys)
            if format.format == .json {
                Console.out(listing.json().compact)
            } else {
                Console.out(TableRenderer(format: format.format).render(listing.table()))
            }
        }
    }
}

extension RunStatus: ExpressibleByArgument {}
