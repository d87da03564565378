import Foundation

/// Runs the built `cflab` binary as a subprocess and captures what it prints.
public enum CLIRunner {
    /// What one run of `cflab` printed, and how it exited.
    public struct Output: Sendable {
        /// The exit status, or the signal's number when `signal` is set.
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// The signal that ended the process, nil for a normal exit.
        public let signal: Int32?
    }

    /// The folder holding the built products (the test bundle sits beside `cflab`).
    public static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        #endif
        return Bundle.main.bundleURL
    }

    public static var binary: URL { productsDirectory.appendingPathComponent("cflab") }

    /// The repository root (two levels above this file's folder).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// What `cflab COMMANDLINE` prints on a pseudo-terminal (script(1); stdout and stderr
    /// together), `COLUMNS` wide, and its exit status. `commandLine` is shell text: quote paths.
    public static func runOnTerminal(_ commandLine: String, columns: Int = 300) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "COLUMNS=\(columns) '\(binary.path)' \(commandLine)", "/dev/null"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs `cflab arguments` in `directory` (default: the repository root) with `COLUMNS=80`
    /// and `environment` added, and waits for it to exit; standard input is /dev/null.
    /// With `timeout`, a process still running after that many seconds is killed (SIGKILL).
    @discardableResult
    public static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], timeout: TimeInterval? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = "80"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer) }
        // Both pipes are read at once: a full stderr pipe must not block the child.
        let errors = PipeReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        killer.cancel()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errors.wait(), as: UTF8.self),
            signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
    }

    /// Reads a pipe to its end on a thread of its own.
    private final class PipeReader: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        /// Everything the pipe held, once its writer closed it.
        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
