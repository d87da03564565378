import CFCore
import CFStore
import CFTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `cflab serve` as a user starts it, and `cflab export --mlflow`.
final class ServeCommandTests: XCTestCase {
    func finishedSweep() throws -> (store: String, folder: URL) {
        let folder = try TemporaryFolder.make(for: self)
        let path = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let storePath = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", path, "--store", storePath, "--jobs", "2"]).status, 0)
        return (storePath, folder)
    }

    func testRefusalsAreOneLineAndExitOne() throws {
        let folder = try TemporaryFolder.make(for: self)
        let missing = try CLIRunner.run(["serve", "--store", folder.appendingPathComponent("none.sqlite").path, "--port", "0"], timeout: 30)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr.split(separator: "\n").count, 1, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
        let open = try CLIRunner.run(["serve", "--host", "0.0.0.0", "--port", "0"], timeout: 30)
        XCTAssertEqual(open.status, 1)
        XCTAssertEqual(open.stderr, "error: --host 0.0.0.0 is not a loopback address: pass --token TOKEN (every request must carry it), or bind 127.0.0.1\n")
        let damaged = folder.appendingPathComponent("damaged.sqlite")
        try Data("not a database at all".utf8).write(to: damaged)
        let refused = try CLIRunner.run(["serve", "--store", damaged.path, "--port", "0"], timeout: 30)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("is not a cflab run store"), refused.stderr)
    }

    func testTheServerAnswersWithTheCommandLinesJSONAndStopsOnInterrupt() throws {
        let (storePath, _) = try finishedSweep()
        let before = try Data(contentsOf: URL(fileURLWithPath: storePath))
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = ["serve", "--store", storePath, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let port = try Self.port(from: output.fileHandleForReading)
        let listing = try CLIRunner.run(["runs", "--store", storePath, "--sweep", "tiny-sweep", "--format", "json"])
        XCTAssertEqual(try Self.get("http://127.0.0.1:\(port)/api/runs?sweep=tiny-sweep"), listing.stdout)
        let compare = try CLIRunner.run(["compare", "--store", storePath, "--sweep", "tiny-sweep", "--format", "json"])
        XCTAssertEqual(try JSONValue.parse(try Self.get("http://127.0.0.1:\(port)/api/sweeps/tiny-sweep/compare")),
                       try JSONValue.parse(compare.stdout))
        XCTAssertTrue(try Self.get("http://127.0.0.1:\(port)/sweeps/tiny-sweep").contains("<h1>Sweep tiny-sweep</h1>"))
        kill(process.processIdentifier, SIGINT)
        try CLIRunner.waitUntil(timeout: 20) { !process.isRunning }
        XCTAssertEqual(process.terminationStatus, 0, "Ctrl-C stops the server cleanly")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: storePath)), before, "the server wrote nothing")
    }

    func testExportMLflowWritesAnExperimentPerSweep() throws {
        let (storePath, folder) = try finishedSweep()
        let out = folder.appendingPathComponent("mlruns")
        let export = try CLIRunner.run(["export", "--mlflow", out.path, "--store", storePath])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.hasPrefix("wrote 6 runs in 2 MLflow experiments"), export.stdout)
        let experiments = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(experiments.count, 2, "the sweep and MLflow's Default")
        let neither = try CLIRunner.run(["export", "--store", storePath])
        XCTAssertNotEqual(neither.status, 0)
        XCTAssertTrue(neither.stderr.contains("pass --embeddings DIR (with a RUN_ID) or --mlflow DIR"), neither.stderr)
    }

    /// The port of the first line `cflab serve` prints: `cflab serve: http://127.0.0.1:PORT/ …`.
    static func port(from handle: FileHandle) throws -> Int {
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !text.contains("/ (store") {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cflab serve: http://127.0.0.1:") }),
              let port = Int(line.dropFirst("cflab serve: http://127.0.0.1:".count).prefix { $0.isNumber })
        else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no port in \(text)"]) }
        return port
    }

    /// The body of a GET, waiting for it.
    static func get(_ address: String) throws -> String {
        guard let url = URL(string: address) else { return "" }
        let body = LockedBox()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: url) { data, _, _ in
            body.set(data.map { String(decoding: $0, as: UTF8.self) } ?? "")
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 30)
        return body.value
    }
}

/// A string one thread sets and another reads after a semaphore.
final class LockedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ value: String) { lock.withLock { text = value } }
    var value: String { lock.withLock { text } }
}
