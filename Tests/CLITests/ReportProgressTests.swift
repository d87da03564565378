import CFTestSupport
import Foundation
import XCTest

/// While gnuplot draws, a terminal sees one status line (n/N charts) on stderr; a pipe
/// sees only the final lines.
final class ReportProgressTests: XCTestCase {
    func testATerminalGetsAChartStatusLineAndAPipeNone() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store, "--jobs", "2"]).status, 0)
        // On a pseudo-terminal (stdout and stderr both).
        let (status, text) = try CLIRunner.runOnTerminal("report --sweep tiny-sweep --store '\(store)' --out '\(folder.path)/tty'")
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("\r\u{1B}[2K[0/"), "a status line rewritten in place: \(text.debugDescription)")
        XCTAssertTrue(text.contains("] drawing curves"), text)
        XCTAssertTrue(text.contains("] charts drawn"), text)
        XCTAssertTrue(text.contains("charts in \(folder.path)/tty/plots/tiny-sweep"), text)

        let piped = try CLIRunner.run(["report", "--sweep", "tiny-sweep", "--store", store, "--out", folder.appendingPathComponent("pipe").path])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse((piped.stdout + piped.stderr).contains("drawing"), piped.stderr)
        XCTAssertFalse((piped.stdout + piped.stderr).unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" }, "plain when piped: \(piped.stderr.debugDescription)")
        XCTAssertEqual(piped.stdout.split(separator: "\n").count, 2, piped.stdout)
    }
}
