import ArgumentParser
import CFStore
import Foundation

/// `cflab store check|migrate`: the run store's own health and upgrades.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Check a run store for damage, or upgrade it to this build's schema.",
        subcommands: [Check.self, Migrate.self]
    )

    /// `cflab store check`: integrity check plus every stored checksum.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run SQLite's integrity check and verify the checksum of every epoch row and kept tensor.",
            discussion: """
            Read-only: the store is never changed. Rows written before checksums existed \
            are counted as unchecked, not as damage. Exit 0 when healthy, 1 when anything \
            is wrong (each problem on its own line).
            """
        )

        @Option(help: ArgumentHelp("The run store.", valueName: "path"))
        var store: String = StoreLocation.defaultPath

        func run() throws {
            let report = try reportingErrors { try RunStore(path: store, readOnly: true).check() }
            for problem in report.problems { Console.out("damaged: \(problem)") }
            Console.out("\(store): \(report.isHealthy ? "healthy" : "\(report.problems.count) problem(s)"); "
                + "checked \(report.checkedEpochs) epochs and \(report.checkedParameters) tensors"
                + (report.uncheckedEpochs + report.uncheckedParameters > 0
                    ? ", \(report.uncheckedEpochs) epochs and \(report.uncheckedParameters) tensors written before checksums" : ""))
            if !report.isHealthy {
                Console.error("error: \(store) is damaged; restore a backup, or recover its rows with "
                    + "`sqlite3 \(store) .recover | sqlite3 \(store).recovered`")
                throw ExitCode(1)
            }
        }
    }

    /// `cflab store migrate`: applies the migrations this build knows.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Upgrade a run store to this build's schema (readers never migrate; writers do).",
            discussion: "Prints the migrations applied; a store already current is left as it is."
        )

        @Option(help: ArgumentHelp("The run store.", valueName: "path"))
        var store: String = StoreLocation.defaultPath

        func run() throws {
            let applied = try reportingErrors { try RunStore.migrate(path: store) }
            Console.out(applied.isEmpty ? "\(store): already current"
                : "\(store): applied " + applied.joined(separator: ", "))
        }
    }
}
