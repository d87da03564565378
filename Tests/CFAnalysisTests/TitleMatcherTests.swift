import CFAnalysis
import CFData
import XCTest

/// Title matching goes tier by tier and lists the candidates instead of guessing.
final class TitleMatcherTests: XCTestCase {
    private let matcher = TitleMatcher(
        items: AnalysisFixture.dataset.items, infos: AnalysisFixture.dataset.itemInfo, counts: [2, 2, 1, 2, 0]
    )

    func testEachTier() throws {
        XCTAssertEqual(try matcher.match("20"), 1, "a raw id")
        XCTAssertEqual(try matcher.match("Star Trek: Generations (1994)"), 3, "exact")
        XCTAssertEqual(try matcher.match("english patient, the (1996)"), 1, "case and article")
        XCTAssertEqual(try matcher.match("The English Patient (1996)"), 1, "leading article")
        XCTAssertEqual(try matcher.match("The English Patient"), 1, "without the year")
        XCTAssertEqual(try matcher.match("Star Wars"), 0, "without the year")
        XCTAssertEqual(try matcher.match("  toy   story "), 4, "spacing")
        XCTAssertEqual(try matcher.match("first contact"), 2, "substring")
    }

    func testSeveralCandidatesInATierAreListed() {
        XCTAssertThrowsError(try matcher.match("Star Trek")) { error in
            XCTAssertEqual(
                error as? AnalysisError,
                .ambiguousTitle(query: "Star Trek", candidates: ["40 Star Trek: Generations (1994)", "30 Star Trek: First Contact (1996)"], matches: 2)
            )
            XCTAssertEqual(
                "\(error)",
                "\"Star Trek\" matches 2 items; pass one id with --item: 40 Star Trek: Generations (1994); 30 Star Trek: First Contact (1996)"
            )
        }
    }

    /// Past the limit, the count is of every match, and the rest are counted after the list.
    func testTheCountIsOfEveryMatchNotOfTheListedOnes() {
        let count = TitleMatcher.candidateLimit + 4
        let infos = (0..<count).map { ItemInfo(title: "Star \($0) (1990)", genres: []) }
        let items = IdMap(rawIds: (0..<count).map { String($0 + 1) })
        let many = TitleMatcher(items: items, infos: infos, counts: (0..<count).map { Int32($0) })
        XCTAssertThrowsError(try many.match("Star")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("\"Star\" matches \(count) items; pass one id with --item (the 15 most rated): \(count) Star \(count - 1) (1990);"), message)
            XCTAssertTrue(message.hasSuffix("; … 4 more"), message)
            XCTAssertEqual(message.components(separatedBy: "; ").count, TitleMatcher.candidateLimit + 2, "the header, the listed, the rest: " + message)
        }
    }

    func testANarrowerTierWinsOverAWiderOne() throws {
        // "star" is a substring of three titles, but none is titled just "Star".
        XCTAssertThrowsError(try matcher.match("star"))
        XCTAssertEqual(try matcher.match("Star Wars (1977)"), 0)
    }

    func testNoMatchIsAnError() {
        XCTAssertThrowsError(try matcher.match("Casablanca")) { error in
            XCTAssertEqual(error as? AnalysisError, .unknownItem("Casablanca"))
        }
    }
}
