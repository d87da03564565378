import CFCore
import CFLinalg
import CFTestSupport
import Foundation
import XCTest

/// `cflab bench`: named cases, one child process per case, rows as a table or JSON.
final class BenchCommandTests: XCTestCase {
    static let small = ["--epochs", "2", "--set", "data.synthetic.ratings=4000", "--set", "data.synthetic.users=200",
                        "--set", "data.synthetic.items=150"]

    func testOneCaseGivesOneJSONRowWithEveryFigure() throws {
        let output = try CLIRunner.run(["bench", "--case", "dot_bias", "--format", "json"] + Self.small)
        XCTAssertEqual(output.status, 0, output.stderr)
        let row = try JSONValue.parse(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        XCTAssertEqual(row["case"], .string("dot_bias"))
        XCTAssertEqual(row["optimizer"], .string("adam lazy"))
        XCTAssertEqual(row["train_ratings"], .int(3200))
        XCTAssertEqual(row["repetitions"], .int(2))
        XCTAssertEqual(row["seconds"]?.arrayValue?.count, 2)
        for key in ["ratings_per_second", "seconds_median", "seconds_min", "seconds_max", "peak_megabytes", "valid_rmse"] {
            XCTAssertGreaterThan(row[key]?.doubleValue ?? 0, 0, key)
        }
        let seconds = try XCTUnwrap(row["seconds"]?.arrayValue?.compactMap(\.doubleValue))
        XCTAssertEqual(row["seconds_min"]?.doubleValue, seconds.min())
        XCTAssertEqual(row["seconds_max"]?.doubleValue, seconds.max())
        XCTAssertFalse(row["cpu"]?.stringValue?.isEmpty ?? true)
    }

    /// The binary runs the OpenBLAS core `BLASCore` prefers on this CPU (or the user's
    /// OPENBLAS_CORETYPE), which this test process, loaded without the restart, may not.
    func testTheBinaryRunsTheOpenBLASCoreTheCPUAllows() throws {
        let output = try CLIRunner.run(["bench", "--case", "dot", "--format", "json"] + Self.small)
        XCTAssertEqual(output.status, 0, output.stderr)
        let row = try JSONValue.parse(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        let blas = try XCTUnwrap(row["blas"]?.stringValue)
        #if os(Linux)
        let loaded = try XCTUnwrap(BLASCore.loaded)
        let expected = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil
            ? loaded : BLASCore.preferredCore(current: loaded, flags: BLASCore.cpuFlags) ?? loaded
        XCTAssertTrue(blas.hasPrefix("OpenBLAS core \(expected)"), "\(blas), expected core \(expected)")
        #endif
    }

    func testSeveralCasesRunInChildrenAndPrintOneTable() throws {
        let output = try CLIRunner.run(["bench", "--case", "dot,nn", "--threads", "2"] + Self.small)
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("cpu: "), output.stdout)
        XCTAssertTrue(lines[1].hasPrefix("case  "), output.stdout)
        XCTAssertEqual(lines.count, 4, output.stdout)
        XCTAssertTrue(lines[2].hasPrefix("dot "), output.stdout)
        XCTAssertTrue(lines[3].hasPrefix("nn "), output.stdout)
        XCTAssertTrue(lines[3].contains(" 2 "), "the threads column: \(lines[3])")
    }

    func testUnknownCaseIsAUsageErrorWithTheNearestName() throws {
        let output = try CLIRunner.run(["bench", "--case", "sgd-20"])
        XCTAssertEqual(output.status, 64)
        XCTAssertTrue(output.stderr.contains("unknown case 'sgd-20' (did you mean 'sgd-20m'?)"), output.stderr)
        let list = try CLIRunner.run(["bench", "--list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("adam-20m: dot_bias k=64, lazy Adam, batch 1024, MovieLens 20M shape (quick: 6924x1337 1M)"), list.stdout)
        for name in ["rank-20m: top-10 ranking of every user over every item", "valid-20m: validation RMSE"] {
            XCTAssertTrue(list.stdout.contains(name), list.stdout)
        }
    }
}
