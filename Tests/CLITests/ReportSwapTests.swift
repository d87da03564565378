import CFTestSupport
import CFCore
import Foundation
import XCTest

/// A `cflab report` killed while it writes leaves one complete report under its name.
final class ReportSwapTests: XCTestCase {
    /// The files of a report folder with their SHA-256, by name.
    func contents(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = Digest.sha256Hex(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return result
    }

    func testAKilledReportLeavesOneCompleteReport() throws {
        let folder = try TemporaryFolder.make(for: self)
        let file = try TemporaryFolder.write(CLIExperiments.tinySweep, named: "sweep.yaml", in: folder)
        let store = folder.appendingPathComponent("runs.sqlite").path
        XCTAssertEqual(try CLIRunner.run(["run", file, "--store", store]).status, 0)
        let report = ["report", "--sweep", "tiny-sweep", "--out", folder.path, "--store", store]
        let plots = folder.appendingPathComponent("plots")
        let target = plots.appendingPathComponent("tiny-sweep")

        XCTAssertEqual(try KillHarness.run(report).status, 0)
        let complete = try contents(target)
        XCTAssertNotNil(complete["index.html"])
        XCTAssertNotNil(complete["comparison.md"])
        XCTAssertGreaterThan(complete.keys.filter { $0.hasSuffix(".gp") }.count, 3)

        // Killed after some charts of the new report: the old one is there, whole and untouched.
        let killed = try KillHarness.run(report, environment: [FaultPoint.variable: "during-report:2"])
        XCTAssertEqual(killed.signal, SIGKILL)
        XCTAssertEqual(try contents(target), complete)

        // Killed between the two renames: the old report waits aside, whole, and the next
        // report puts it back before building (then swaps in the new one).
        let swapped = try KillHarness.run(report, environment: [FaultPoint.variable: "during-report-swap"])
        XCTAssertEqual(swapped.signal, SIGKILL)
        let aside = try FileManager.default.contentsOfDirectory(atPath: plots.path).filter { $0.hasPrefix(".tiny-sweep.old-") }
        XCTAssertEqual(aside.count, 1)
        XCTAssertEqual(try contents(plots.appendingPathComponent(aside[0])), complete)

        let again = try KillHarness.run(report)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: plots.path), ["tiny-sweep"], "no leftovers")
        XCTAssertEqual(Set(try contents(target).keys), Set(complete.keys))
        XCTAssertEqual(try contents(target)["comparison.md"], complete["comparison.md"], "the same store gives the same report")
    }
}
