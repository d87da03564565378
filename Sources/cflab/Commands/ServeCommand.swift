import ArgumentParser
import CFExperiment
import CFServe
import CFStore
import Dispatch
import Foundation

/// `cflab serve`: a live dashboard and JSON API over the run store, read-only.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a live dashboard and JSON API over the run store (read-only; see docs/serve.md).",
        discussion: """
        Pages: sweeps with their progress, a sweep's comparison table (the rows of cflab \
        compare), a run's config, provenance, epochs and curves, and runs overlaid; they \
        follow new commits without a reload. JSON under /api/ (runs, epochs, sweeps, \
        compare) has the numbers of --format json. The store is opened read-only and \
        never written. Binds 127.0.0.1 by default; any other --host needs --token, which \
        every request must then carry (Authorization: Bearer TOKEN or ?token=TOKEN). \
        Ctrl-C stops it.
        """
    )

    @OptionGroup var location: StoreLocation

    @Option(help: "The address to listen on; a non-loopback address needs --token.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed).")
    var port: Int = 8080

    @Option(help: ArgumentHelp("The secret every request must carry (at least 16 letters, digits or . _ ~ -).", valueName: "token"))
    var token: String?

    @Option(help: ArgumentHelp("The folder cflab report writes, served under /report/.", valueName: "dir"))
    var reports: String = "plots"

    @Option(help: ArgumentHelp("Requests a second each client may make (429 beyond).", valueName: "n"))
    var rateLimit: Int = 50

    @Option(help: ArgumentHelp("Requests a client may make at once before the rate applies.", valueName: "n"))
    var burst: Int = 100

    func run() throws {
        let defaultReports = reports == "plots" && !FileManager.default.fileExists(atPath: reports)
        let settings = ServeSettings(host: host, port: port, token: token, reportFolder: defaultReports ? nil : reports,
                                     requestsPerSecond: rateLimit, burst: burst)
        do { try settings.validate() } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
        let store = try location.openForReading()
        if store.isImmutable {
            Console.error("note: \(store.path)'s folder cannot be written, so it is read as an immutable file: new commits will not show")
        }
        let dashboard = try reportingErrors { try Dashboard(store: store, settings: settings) }
        let address = host.contains(":") ? "[\(host)]" : host
        let failure = LockedValue<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task { [dashboard] in
            do {
                try await dashboard.serve { bound in
                    Console.out("cflab serve: http://\(address):\(bound)/ (store \(store.path), read-only); Ctrl-C stops")
                }
            } catch {
                failure.withLock { $0 = "error: cannot serve on \(address):\(port): \(error)" }
            }
            done.signal()
        }
        done.wait()
        if let message = failure.current {
            Console.error(message)
            throw ExitCode(1)
        }
    }
}
