@testable import CFData
import CFConfig
import CFTestSupport
import XCTest

final class MovieLensLoaderTests: XCTestCase {
    func testLatestSmallLayoutWithQuotedTitles() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.csv", Fixture.latestSmallRatings)
        try folder.write("movies.csv", Fixture.latestSmallMovies)
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path, name: "tiny")
        XCTAssertEqual(MovieLensLayout.detect(in: folder.path), .csv)
        XCTAssertEqual(dataset.name, "tiny")
        XCTAssertEqual(dataset.source, "movielens")
        XCTAssertEqual(dataset.ratings.count, 5)
        XCTAssertEqual(dataset.users.rawIds, ["1", "2", "3"])
        XCTAssertEqual(dataset.items.rawIds, ["10", "20", "30"])
        XCTAssertEqual(dataset.ratingMin, 0.5)
        XCTAssertEqual(dataset.ratingMax, 5.0)
        XCTAssertEqual(dataset.itemInfo[0], ItemInfo(title: "American President, The (1995)", genres: ["Comedy", "Drama", "Romance"]))
        XCTAssertEqual(dataset.itemInfo[1].genres, ["Comedy", "War"])
        XCTAssertEqual(dataset.itemInfo[2], ItemInfo(title: "Crossing Guard, The \"Director's cut\" (1995)", genres: []))
        // Canonical order: by user, then item.
        XCTAssertEqual(dataset.ratings.users, [0, 0, 1, 1, 2])
        XCTAssertEqual(dataset.ratings.items, [0, 1, 0, 2, 1])
        XCTAssertEqual(dataset.ratings.ratings, [4.0, 3.5, 5.0, 0.5, 2.0])
        XCTAssertEqual(dataset.ratings.timestamps[0], 964_982_703)
        XCTAssertTrue(dataset.predefinedFolds.isEmpty)
    }

    func testCRLFAndByteOrderMarkAreAccepted() throws {
        let plain = try TemporaryFolder()
        try plain.write("ratings.csv", Fixture.latestSmallRatings)
        try plain.write("movies.csv", Fixture.latestSmallMovies)
        let windows = try TemporaryFolder()
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        try windows.write("ratings.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(crlf(Fixture.latestSmallRatings + "\n\n").utf8))
        try windows.write("movies.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(crlf(Fixture.latestSmallMovies).utf8))
        let expected = try DatasetLoader.loadMovieLens(folder: plain.path)
        let loaded = try DatasetLoader.loadMovieLens(folder: windows.path)
        XCTAssertEqual(loaded.ratings, expected.ratings)
        XCTAssertEqual(loaded.fingerprint, expected.fingerprint)
        XCTAssertEqual(loaded.itemInfo, expected.itemInfo)
    }

    func testML100kWithLatin1TitlesAndFolds() throws {
        let folder = try TemporaryFolder()
        try folder.write("u.data", Fixture.ml100kData)
        try folder.write("u.item", bytes: Fixture.ml100kItemBytes)
        try folder.write("u.genre", Fixture.ml100kGenre)
        try folder.write("u1.base", "1\t1\t5\t874965758\n2\t1\t4\t888550871\n3\t3\t4\t878543541\n3\t2\t1\t878542960\n")
        try folder.write("u1.test", "1\t2\t3\t876893171\n2\t3\t2\t888551234\n")
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path)
        XCTAssertEqual(MovieLensLayout.detect(in: folder.path), .ml100k)
        XCTAssertEqual(dataset.ratings.count, 6)
        XCTAssertEqual(dataset.itemInfo[2].title, "Café (1990)")
        XCTAssertEqual(dataset.itemInfo[2].genres, ["unknown"])
        XCTAssertEqual(dataset.itemInfo[0].genres, ["Comedy"])
        XCTAssertEqual(dataset.itemInfo[1].genres, ["Action"])
        let fold = try XCTUnwrap(dataset.predefinedFolds["u1"])
        XCTAssertEqual(Array(dataset.predefinedFolds.keys), ["u1"])
        XCTAssertEqual(fold.train.count, 4)
        XCTAssertEqual(fold.test.count, 2)
        // Same dense ids as u.data, canonical order: (user 3 = dense 2, item 2 = dense 1) precedes item 3.
        XCTAssertEqual(fold.train.users, [0, 1, 2, 2])
        XCTAssertEqual(fold.train.items, [0, 0, 1, 2])
        XCTAssertEqual(fold.test.ratings, [3, 2])
    }

    func testUTF8ItemFileStaysUTF8() throws {
        let folder = try TemporaryFolder()
        try folder.write("u.data", Fixture.ml100kData)
        try folder.write("u.item", "1|Amélie (2001)|x||u|0\n2|B (1990)|x||u|0\n3|C (1990)|x||u|1\n")
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path)
        XCTAssertEqual(dataset.itemInfo[0].title, "Amélie (2001)")
        XCTAssertEqual(dataset.itemInfo[2].genres, ["unknown"])
    }

    func testDoubleColonLayout() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n")
        var movies = Array("1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation|Children's|Musical\n".utf8)
        movies += Array("7::M".utf8) + [0xE9] + Array("lo (2000)::Comedy\n".utf8)
        try folder.write("movies.dat", bytes: movies)
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path)
        XCTAssertEqual(MovieLensLayout.detect(in: folder.path), .doubleColon)
        XCTAssertEqual(dataset.items.rawIds, ["661", "1193"])
        XCTAssertEqual(dataset.itemInfo[0].genres, ["Animation", "Children's", "Musical"])
        XCTAssertEqual(dataset.itemInfo[1].title, "One Flew Over the Cuckoo's Nest (1975)")
        XCTAssertEqual(dataset.ratings.ratings, [3, 5, 4])
    }

    func testItemsWithoutMetadataGetPlaceholderTitles() throws {
        let folder = try TemporaryFolder()
        try folder.write("ratings.csv", Fixture.latestSmallRatings)
        let dataset = try DatasetLoader.loadMovieLens(folder: folder.path)
        XCTAssertEqual(dataset.itemInfo[0], ItemInfo(title: "item 10", genres: []))
    }

    /// Empty files are read without Foundation (whose Linux read of an empty file leaks
    /// 4 KiB, found by bench/fuzz): an empty catalogue is one without entries, an empty
    /// u.genre gives numbered genres, and an empty ratings file is refused as before.
    func testEmptyFilesAreEmptyWithoutBeingRead() throws {
        let latest = try TemporaryFolder()
        try latest.write("ratings.csv", Fixture.latestSmallRatings)
        try latest.write("movies.csv", "")
        let uncatalogued = try DatasetLoader.loadMovieLens(folder: latest.path)
        XCTAssertEqual(uncatalogued.itemInfo.map(\.title), ["item 10", "item 20", "item 30"])
        XCTAssertEqual(uncatalogued.uncataloguedItems, ["10", "20", "30"])

        let ml100k = try TemporaryFolder()
        try ml100k.write("u.data", "1\t7\t5\t1\n")
        try ml100k.write("u.item", "7|Seven (1995)|01-Jan-1995||url|0|1\n")
        try ml100k.write("u.genre", "")
        XCTAssertEqual(try DatasetLoader.loadMovieLens(folder: ml100k.path).itemInfo, [ItemInfo(title: "Seven (1995)", genres: ["genre 1"])])

        let empty = try ml100k.write("u.data", "")
        XCTAssertThrowsError(try DatasetLoader.loadMovieLens(folder: ml100k.path)) { error in
            XCTAssertEqual((error as? DataError)?.description,
                           "\(empty):1: the ratings file is empty (no ratings, only blank lines or nothing)")
        }
        XCTAssertEqual(try RatingsFileReader.withBytes(of: empty) { $0.count }, 0)
    }
}
