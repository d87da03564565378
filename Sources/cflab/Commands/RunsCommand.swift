import ArgumentParser
import CFCore
import CFStore
import Foundation

/// `cflab runs`: list, delete and tag the runs in the store.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, delete and tag the runs in the run store.",
        subcommands: [List.self, Delete.self, Tag.self],
        defaultSubcommand: List.self
    )

    /// `cflab runs delete RUN_ID...`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete runs with their epochs and parameters; a deleted trial trains again on the next `run`."
        )

        @Argument(help: "The ids of the runs to delete.")
        var runIds: [Int64]

        @OptionGroup var location: StoreLocation

        func run() throws {
            let store = try location.open()
            let deleted = try reportingErrors { try store.deleteRuns(ids: runIds) }
            Console.out("deleted \(deleted) run\(deleted == 1 ? "" : "s")")
            if deleted < runIds.count {
                Console.error("error: \(runIds.count - deleted) of the ids name no run; `cflab runs` lists them")
                throw ExitCode(1)
            }
        }
    }

    /// `cflab runs tag RUN_ID TAG`.
    struct Tag: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a tag to a run.")

        @Argument(help: "The run's id.")
        var runId: Int64

        @Argument(help: "The tag to add.")
        var tag: String

        @OptionGroup var location: StoreLocation

        func run() throws {
            let store = try location.open()
            try reportingErrors { try store.tagRun(id: runId, tag: tag) }
            Console.out("run \(runId): tagged \(tag)")
        }
    }
}

/// A `--where` expression parsed for the store, or its caret diagnostic and exit 1.
func parseWhere(_ text: String?) throws -> WhereFilter? {
    guard let text else { return nil }
    do {
        return try WhereFilter(parsing: text)
    } catch let error as WhereError {
        Console.error(error.description)
        throw ExitCode(1)
    }
}
