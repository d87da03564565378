import ArgumentParser
import CFCore
import CFExperiment
import CFStore
import Foundation

/// `cflab runs`: list, delete and tag the runs in the store.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, delete and tag the runs in the run store.",
        subcommands: [List.self, Delete.self, Tag.self, Untag.self],
        defaultSubcommand: List.self
    )

    /// `cflab runs delete RUN_ID... [--yes] [--dry-run]`.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete runs with their epochs and parameters; a deleted trial trains again on the next `run`.",
            discussion: """
            Runs are named by id, or selected with --sweep and --where (which combine). A \
            selection deletes only with --yes; --dry-run lists what would be deleted and \
            deletes nothing. A run that is still running is refused unless --yes confirms it; \
            its trainer then stops that trial at its next write and reports it.
            """
        )

        @Argument(help: "The ids of the runs to delete.")
        var runIds: [Int64] = []

        @Option(help: ArgumentHelp("Delete the runs of this sweep.", valueName: "name"))
        var sweep: String?

        @Option(name: .customLong("where"), help: ArgumentHelp("Delete the runs matching this filter (see docs/store.md).", valueName: "filter"))
        var filter: String?

        @Flag(help: "Confirm deleting runs that are still running.")
        var yes = false

        @Flag(help: "List what would be deleted; delete nothing.")
        var dryRun = false

        @OptionGroup var location: StoreLocation

        func validate() throws {
            guard !runIds.isEmpty || sweep != nil || filter != nil else {
                throw ValidationError("name the runs to delete: ids, --sweep NAME or --where FILTER")
            }
        }

        func run() throws {
            // Runs are looked up read-only: a dry run, or ids that name no run, never open
            // the store for writing (which would fold its write-ahead log into the file).
            let reader = try location.openExisting(readOnly: true)
            var found: [RunRecord] = [], missing: [Int64] = []
            for id in runIds {
                do {
                    found.append(try reader.run(id: id))
                } catch StoreError.unknownRun {
                    missing.append(id)
                } catch {
                    Console.error("error: \(error)")
                    throw ExitCode(1)
                }
            }
            let selects = sweep != nil || filter != nil
            if selects {
                let query = RunQuery(sweep: sweep, filter: try parseWhere(filter))
                let selected = try reportingErrors { try reader.runs(matching: query) }
                let named = Set(found.map(\.id))
                found += selected.filter { !named.contains($0.id) }
            }
            if selects, !dryRun, !yes, !found.isEmpty {
                Console.error("error: the selection holds \(found.count) run\(found.count == 1 ? "" : "s"); nothing deleted; "
                    + "list them with --dry-run, then pass --yes to delete them")
                throw ExitCode(1)
            }
            let running = found.filter(\.status.isActive)
            if dryRun {
                Console.lines(found.map { "would delete run \($0.id) (\($0.name), \($0.status.rawValue))" })
            } else if !running.isEmpty && !yes {
                Console.error("error: \(Self.describe(running)); nothing deleted; pass --yes to delete anyway (the trainer then stops that trial)")
                throw ExitCode(1)
            } else if !found.isEmpty {
                let store = try location.openExisting()
                let deleted = try reportingErrors { try store.deleteRuns(ids: found.map(\.id)) }
                Console.out("deleted \(deleted) run\(deleted == 1 ? "" : "s")")
            }
            if !missing.isEmpty {
                Console.error("error: \(missing.count) of the ids name no run; `cflab runs` lists them")
                throw ExitCode(1)
            }
        }

        /// "run 5 is running (1234@host)" or "runs 5, 6 are running (1234@host, 99@other)".
        static func describe(_ running: [RunRecord]) -> String {
            let ids = running.map { String($0.id) }.joined(separator: ", ")
            let owners = running.compactMap { TrialOwner($0)?.name }
            let by = owners.isEmpty ? "" : " (\(Array(Set(owners)).sorted().joined(separator: ", ")))"
            return running.count == 1 ? "run \(ids) is \(running[0].status.rawValue)\(by)" : "runs \(ids) are running\(by)"
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
            _ = try location.existingRun(runId)
            try reportingErrors { try RunStore.requireValidTag(tag) }
            let store = try location.openExisting()
            try reportingErrors { try store.tagRun(id: runId, tag: tag) }
            Console.out("run \(runId): tagged \(tag)")
        }
    }
}

extension RunsCommand {
    /// `cflab runs untag RUN_ID TAG`.
    struct Untag: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a tag from a run.")

        @Argument(help: "The run's id.")
        var runId: Int64

        @Argument(help: "The tag to remove.")
        var tag: String

        @OptionGroup var location: StoreLocation

        func run() throws {
            let record = try location.existingRun(runId)
            guard record.tags.contains(tag) else {
                Console.error("error: run \(runId) has no tag `\(tag)`" + (record.tags.isEmpty ? "" : " (it has \(record.tags.joined(separator: ", ")))"))
                throw ExitCode(1)
            }
            let store = try location.openExisting()
            try reportingErrors { try store.untagRun(id: runId, tag: tag) }
            Console.out("run \(runId): untagged \(tag)")
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
