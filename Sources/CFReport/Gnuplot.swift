import Foundation

/// The gnuplot executable on PATH, and running a script with it.
public struct Gnuplot: Sendable {
    /// One line telling the user how to install gnuplot.
    public static let installHint = "gnuplot not found on PATH: wrote the .gp and .dat files without images; install it with `apt-get install gnuplot-nox` or `brew install gnuplot`, then run `gnuplot <chart>.gp`"

    public let executable: URL

    /// The first `gnuplot` on `PATH`, or nil.
    public static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> Gnuplot? {
        for folder in (path ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("gnuplot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return Gnuplot(executable: candidate) }
        }
        return nil
    }

    /// Runs `gnuplot script`; returns nil on success, else gnuplot's error output.
    public func run(script: URL) -> String? {
        let process = Process()
        process.executableURL = executable
        process.arguments = [script.path]
        process.currentDirectoryURL = script.deletingLastPathComponent()
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return "\(error)" }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return nil
    }
}
