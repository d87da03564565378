import CFAnalysis
import CFText
import XCTest

/// Every output format, compared as text.
final class RenderingTests: XCTestCase {
    private let output = AnalysisOutput(
        tables: [AnalysisTable(
            title: "Two items", key: "items",
            columns: [.named("id"), .named("title", alignsRight: false), .named("mean rating")],
            rows: [
                [.text("10"), .text("Star Wars (1977)"), .number(4.358, decimals: 2)],
                [.text("7"), .text("Twelve Monkeys, \"12\" | x"), .integer(3)],
            ]
        )],
        notes: ["A note."]
    )

    func testTable() {
        XCTAssertEqual(output.rendered(as: .aligned), """
            Two items
            id  title                     mean rating
            10  Star Wars (1977)                 4.36
             7  Twelve Monkeys, "12" | x            3

            A note.
            """)
    }

    func testMarkdown() {
        XCTAssertEqual(output.rendered(as: .markdown), """
            ### Two items

            | id | title | mean rating |
            |---:|---|---:|
            | 10 | Star Wars (1977) | 4.36 |
            | 7 | Twelve Monkeys, "12" \\| x | 3 |

            A note.
            """)
    }

    func testCSV() {
        XCTAssertEqual(output.rendered(as: .csv), """
            # Two items
            id,title,mean_rating
            10,Star Wars (1977),4.358
            7,"Twelve Monkeys, ""12"" | x",3

            # A note.
            """)
    }

    func testJSON() {
        XCTAssertEqual(output.rendered(as: .json), """
            {
              "items": [
                {"id": "10", "title": "Star Wars (1977)", "mean_rating": 4.358},
                {"id": "7", "title": "Twelve Monkeys, \\"12\\" | x", "mean_rating": 3}
              ],
              "notes": ["A note."]
            }
            """)
    }
}
