import ArgumentParser
import CFData
import Foundation

extension DataCommand {
    /// `cflab data fetch NAME`: download, check and unpack a GroupLens release.
    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a GroupLens MovieLens release, check its checksum and unpack it.",
            discussion: "Releases: \(DataRelease.all.map(\.name).joined(separator: ", ")). Nothing is left behind when the checksum is wrong."
        )

        @Argument(help: "The release name, e.g. ml-100k.")
        var name: String

        @Option(help: "Folder to unpack into (default: the first writable folder of the data search path, $CFLAB_DATA, else ./data).")
        var dir: String?

        @Option(help: "Download from this URL instead (a mirror, or file:///path/to.zip).")
        var url: String?

        @Option(help: "Require this SHA-256 of the zip.")
        var sha256: String?

        func validate() throws {
            guard DataRelease.named(name) != nil else {
                throw ValidationError("unknown release '\(name)'; choose one of \(DataRelease.all.map(\.name).joined(separator: ", "))")
            }
        }

        func run() throws {
            guard let release = DataRelease.named(name) else { throw ExitCode(1) }
            // An absolute folder, so that what is printed is where the data is, from anywhere.
            let locator = DataLocator()
            let folder = dir.map { locator.absolute($0, relativeTo: locator.currentDirectory) } ?? locator.fetchRoot
            let source = try url.map { text -> URL in
                if text.hasPrefix("/") { return URL(fileURLWithPath: text) }
                guard let parsed = URL(string: text) else { throw ValidationError("bad --url \(text)") }
                return parsed
            }
            let showProgress = isatty(STDERR_FILENO) == 1
            let outcome = try reportingErrors {
                let fetcher = try DataFetcher(release: release, source: source, requiredSHA256: sha256)
                return try fetcher.fetch(into: folder) { bytes, total in
                    guard showProgress else { return }
                    Console.progress(Self.progressText(bytes: bytes, total: total))
                }
            }
            if showProgress { Console.progress("") }
            Console.out("\(release.name): \(outcome.bytes) bytes, sha256 \(outcome.sha256)")
            if release.md5 == nil && sha256 == nil {
                Console.out("note: GroupLens publishes no fixed checksum for \(release.name); pin this one with --sha256")
            }
            Console.out("unpacked to \(outcome.folder)")
        }

        static func progressText(bytes: Int, total: Int?) -> String {
            let megabytes = String(format: "%.1f MB", Double(bytes) / 1_048_576)
            guard let total, total > 0 else { return "downloading \(megabytes)" }
            let fraction = min(1, Double(bytes) / Double(total))
            return String(format: "%@ %3.0f%% %@", Console.bar(fraction), fraction * 100, megabytes)
        }
    }
}
