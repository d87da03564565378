import Foundation
import XCTest

/// A folder of expected text outputs, compared byte for byte.
///
/// Regenerate every fixture after a deliberate change by running the tests with
/// `CFLAB_UPDATE_FIXTURES=1` (for example `CFLAB_UPDATE_FIXTURES=1 swift test --filter CFReportTests`).
public struct TextFixtures: Sendable {
    public let folder: URL

    /// The fixtures in `folderName`, beside the calling file (by default the file that creates them).
    public init(folder folderName: String, beside filePath: String = #filePath) {
        folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(folderName)
    }

    /// Whether this run rewrites the fixtures instead of checking them.
    public static var updating: Bool {
        ProcessInfo.processInfo.environment["CFLAB_UPDATE_FIXTURES"] == "1"
    }

    /// Fails unless `actual` equals the fixture `name`; rewrites the fixture instead when updating.
    public func assertMatches(
        _ actual: String, _ name: String, message: String? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let url = folder.appendingPathComponent(name)
        if Self.updating {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let relative = folder.pathComponents.suffix(3).joined(separator: "/")
        XCTAssertEqual(actual, expected, message ?? "\(name) changed; see \(relative)/\(name)", file: file, line: line)
    }
}
