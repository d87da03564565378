import CFCore
import CFTestSupport
import Foundation
import XCTest
import ZIPFoundation

/// `cflab data info | synth | fetch` driven as a subprocess.
final class DataCommandTests: XCTestCase {
    func testSynthThenInfoAgreeOnTheFingerprint() throws {
        let folder = try TemporaryFolder.make(for: self)
        let out = folder.appendingPathComponent("synth").path
        let synth = try CLIRunner.run(["data", "synth", "--out", out, "--users", "50", "--items", "40", "--ratings", "600", "--seed", "3"])
        XCTAssertEqual(synth.status, 0, synth.stderr)
        let fingerprint = try XCTUnwrap(synth.stdout.split(separator: "\n").last?.split(separator: " ").last.map(String.init))
        let info = try CLIRunner.run(["data", "info", out, "--format", "json"])
        XCTAssertEqual(info.status, 0, info.stderr)
        let json = try JSONValue.parse(info.stdout)
        XCTAssertEqual(json["ratings"], .int(600))
        XCTAssertEqual(json["users"], .int(50))
        XCTAssertEqual(json["fingerprint"], .string(fingerprint))
        let again = try CLIRunner.run(["data", "synth", "--out", out])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
    }

    func testSynthRefusesMoreRatingsThanPairs() throws {
        let folder = try TemporaryFolder.make(for: self)
        let out = folder.appendingPathComponent("synth").path
        let synth = try CLIRunner.run(["data", "synth", "--out", out, "--users", "10", "--items", "20", "--ratings", "500"])
        XCTAssertEqual(synth.status, 64, synth.stderr)
        XCTAssertTrue(synth.stderr.contains("--ratings 500 is more than the 10 × 20 = 200 distinct (user, item) pairs"), synth.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing written")
    }

    func testInfoOnABrokenFileNamesTheLine() throws {
        let folder = try TemporaryFolder.make(for: self)
        try "userId,movieId,rating,timestamp\n1,2,4.0,10\n1,3,oops,11\n"
            .write(to: folder.appendingPathComponent("ratings.csv"), atomically: true, encoding: .utf8)
        let info = try CLIRunner.run(["data", "info", folder.path])
        XCTAssertEqual(info.status, 1)
        XCTAssertTrue(info.stderr.contains("ratings.csv:3:"), info.stderr)
        XCTAssertEqual(info.stderr.split(separator: "\n").count, 1, info.stderr)
    }

    func testFetchFromALocalZipChecksAndUnpacks() throws {
        let folder = try TemporaryFolder.make(for: self)
        let release = folder.appendingPathComponent("src/ml-latest-small")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try "userId,movieId,rating,timestamp\n1,10,4.0,100\n2,10,3.0,101\n"
            .write(to: release.appendingPathComponent("ratings.csv"), atomically: true, encoding: .utf8)
        try "movieId,title,genres\n10,\"Heat, The (1995)\",Action\n"
            .write(to: release.appendingPathComponent("movies.csv"), atomically: true, encoding: .utf8)
        let zip = folder.appendingPathComponent("ml-latest-small.zip")
        try FileManager.default.zipItem(at: release, to: zip)
        let sha256 = Digest.sha256Hex(try Data(contentsOf: zip))
        let target = folder.appendingPathComponent("data").path

        let bad = try CLIRunner.run(["data", "fetch", "ml-latest-small", "--dir", target, "--url", zip.path, "--sha256", String(repeating: "a", count: 64)])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("checksum mismatch"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "the folder the fetch created is removed")

        let good = try CLIRunner.run(["data", "fetch", "ml-latest-small", "--dir", target, "--url", zip.path, "--sha256", sha256])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stdout.contains("sha256 \(sha256)"), good.stdout)
        let info = try CLIRunner.run(["data", "info", "ml-latest-small", "--format", "json"], environment: ["CFLAB_DATA": target])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertEqual(try JSONValue.parse(info.stdout)["ratings"], .int(2))
    }

    func testFetchRefusesAnUnknownRelease() throws {
        let output = try CLIRunner.run(["data", "fetch", "ml-7k"])
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("unknown release 'ml-7k'"), output.stderr)
    }
}
