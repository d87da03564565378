import Foundation
import XCTest

/// Expected text outputs kept in Tests/CFReportTests/Fixtures, compared byte for byte.
/// Regenerate after a deliberate change with `CFLAB_UPDATE_FIXTURES=1 swift test --filter CFReportTests`.
enum TextFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func assertMatches(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CFLAB_UPDATE_FIXTURES"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(actual, expected, "\(name) changed; see Tests/CFReportTests/Fixtures/\(name)", file: file, line: line)
    }
}
