import CFCore
@testable import CFData
import CFTestSupport
import Foundation
import XCTest
import ZIPFoundation

/// `DataFetcher` on local zips the test builds (this machine has no internet).
final class DataFetcherTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try TemporaryFolder.make(for: self, prefix: "cflab-fetch")
    }

    /// A zip holding `ml-latest-small/` with a ratings.csv and a movies.csv.
    func makeZip() throws -> (url: URL, sha256: String) {
        let source = folder.appendingPathComponent("src/ml-latest-small")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try "userId,movieId,rating,timestamp\n1,10,4.0,100\n1,20,3.5,101\n2,10,5.0,102\n"
            .write(to: source.appendingPathComponent("ratings.csv"), atomically: true, encoding: .utf8)
        try "movieId,title,genres\n10,\"Usual Suspects, The (1995)\",Crime|Mystery\n20,Heat (1995),Action\n"
            .write(to: source.appendingPathComponent("movies.csv"), atomically: true, encoding: .utf8)
        let zip = folder.appendingPathComponent("ml-latest-small.zip")
        try FileManager.default.zipItem(at: source, to: zip)
        return (zip, Digest.sha256Hex(try Data(contentsOf: zip)))
    }

    func contents(of directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func testFetchChecksUnpacksAndLoads() throws {
        let zip = try makeZip()
        let release = try XCTUnwrap(DataRelease.named("ml-latest-small"))
        let target = folder.appendingPathComponent("data")
        let fetcher = try DataFetcher(release: release, source: zip.url, requiredSHA256: zip.sha256)
        let outcome = try fetcher.fetch(into: target.path)
        XCTAssertEqual(outcome.sha256, zip.sha256)
        XCTAssertEqual(try contents(of: target), ["ml-latest-small"])
        let dataset = try DatasetLoader.loadMovieLens(folder: outcome.folder)
        XCTAssertEqual(dataset.ratings.count, 3)
        XCTAssertEqual(dataset.itemInfo.first?.title, "Usual Suspects, The (1995)")
    }

    func testBadChecksumLeavesNothingBehind() throws {
        let zip = try makeZip()
        let release = try XCTUnwrap(DataRelease.named("ml-latest-small"))
        let target = folder.appendingPathComponent("data")
        let fetcher = try DataFetcher(release: release, source: zip.url, requiredSHA256: String(repeating: "0", count: 64))
        XCTAssertThrowsError(try fetcher.fetch(into: target.path)) { error in
            XCTAssertTrue(String(describing: error).contains("SHA-256 checksum mismatch"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "the folder the fetch created is removed")
    }

    func testPublishedMD5IsCheckedWhenNoSHA256IsGiven() throws {
        let zip = try makeZip()
        let release = try XCTUnwrap(DataRelease.named("ml-100k"))
        let target = folder.appendingPathComponent("data")
        XCTAssertThrowsError(try DataFetcher(release: release, source: zip.url).fetch(into: target.path)) { error in
            XCTAssertTrue(String(describing: error).contains("MD5 checksum mismatch"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "the folder the fetch created is removed")
    }

    func testNotAZipIsRefusedWithoutLeftovers() throws {
        let bogus = folder.appendingPathComponent("bogus.zip")
        try Data("not a zip".utf8).write(to: bogus)
        let release = try XCTUnwrap(DataRelease.named("ml-latest-small"))
        let target = folder.appendingPathComponent("data")
        XCTAssertThrowsError(try DataFetcher(release: release, source: bogus).fetch(into: target.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path), "the folder the fetch created is removed")
    }

    func testAFailedFetchRemovesOnlyTheFoldersItCreated() throws {
        let bogus = folder.appendingPathComponent("bogus.zip")
        try Data("not a zip".utf8).write(to: bogus)
        let release = try XCTUnwrap(DataRelease.named("ml-latest-small"))
        let kept = folder.appendingPathComponent("kept")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        XCTAssertThrowsError(try DataFetcher(release: release, source: bogus).fetch(into: kept.path))
        XCTAssertEqual(try contents(of: kept), [], "an existing folder stays, emptied of the download")
        XCTAssertThrowsError(try DataFetcher(release: release, source: bogus).fetch(into: kept.appendingPathComponent("a/b").path))
        XCTAssertEqual(try contents(of: kept), [], "both created levels are removed")
    }

    func testAMalformedChecksumIsRefusedBeforeAnyDownload() throws {
        let release = try XCTUnwrap(DataRelease.named("ml-100k"))
        for text in ["xyz", String(repeating: "g", count: 64), String(repeating: "a", count: 63)] {
            XCTAssertThrowsError(try DataFetcher(release: release, requiredSHA256: text)) { error in
                XCTAssertEqual(error as? DataError, .invalidConfiguration("a SHA-256 checksum is 64 hexadecimal digits, got \(text.debugDescription)"))
            }
        }
        XCTAssertNoThrow(try DataFetcher(release: release, requiredSHA256: String(repeating: "A", count: 64)))
    }

    func testExistingFolderIsNotOverwritten() throws {
        let zip = try makeZip()
        let release = try XCTUnwrap(DataRelease.named("ml-latest-small"))
        let target = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("ml-latest-small"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try DataFetcher(release: release, source: zip.url).fetch(into: target.path)) { error in
            XCTAssertTrue(String(describing: error).contains("already exists"), "\(error)")
        }
    }

    func testEveryReleaseHasAGroupLensURL() {
        XCTAssertEqual(DataRelease.all.map(\.name), ["ml-latest-small", "ml-100k", "ml-1m", "ml-10m", "ml-20m", "ml-25m", "ml-32m"])
        for release in DataRelease.all {
            XCTAssertEqual(release.url, "https://files.grouplens.org/datasets/movielens/\(release.name).zip")
        }
    }
}
