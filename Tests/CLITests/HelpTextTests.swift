import CFTestSupport
import Foundation
import XCTest

/// Every command's `--help` is compared, as text, to a fixture in Tests/CLITests/Help.
/// Regenerate the fixtures after a deliberate change with `CFLAB_UPDATE_FIXTURES=1 swift test`.
final class HelpTextTests: XCTestCase {
    static let commands: [[String]] = [
        [], ["run"], ["plan"], ["runs"], ["runs", "list"], ["runs", "delete"], ["runs", "tag"],
        ["show"], ["reproduce"], ["export"], ["config"], ["config", "show"],
        ["inspect"], ["similar"], ["recommend"], ["predict"],
        ["compare"], ["ensemble"], ["refit"], ["report"], ["serve"],
        ["data"], ["data", "info"], ["data", "synth"], ["data", "fetch"], ["bench"],
        ["store"], ["store", "check"], ["store", "migrate"],
    ]

    static let fixtures = TextFixtures(folder: "Help")

    func testHelpTextMatchesFixtures() throws {
        for command in Self.commands {
            let output = try CLIRunner.run(command + ["--help"])
            XCTAssertEqual(output.status, 0, "\(command)")
            let name = (["cflab"] + command).joined(separator: "-") + ".txt"
            try Self.fixtures.assertMatches(
                output.stdout, name, message: "help of `cflab \(command.joined(separator: " "))` changed; see \(name)")
        }
    }

    func testEveryFixtureBelongsToACommand() throws {
        let folder = Self.fixtures.folder
        let names = Set(Self.commands.map { (["cflab"] + $0).joined(separator: "-") + ".txt" })
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(Set(files), names)
    }
}
