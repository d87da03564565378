import Foundation
import XCTest

/// A fresh empty folder under the system temporary directory that tests write files into.
///
/// An instance removes its folder when it is released, which suits Swift Testing suites
/// and local scopes; `make(for:)` gives an XCTest case a folder its teardown removes.
public final class TemporaryFolder: Sendable {
    public let url: URL

    public var path: String { url.path }

    /// Creates the folder, named `prefix-` and a UUID.
    public init(prefix: String = "cflab") throws {
        url = try Self.create(prefix: prefix)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// A fresh folder removed by `testCase`'s teardown.
    public static func make(for testCase: XCTestCase, prefix: String = "cflab") throws -> URL {
        let url = try create(prefix: prefix)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Writes `text` as UTF-8 to `name` inside `folder` (creating subfolders) and returns the file's path.
    @discardableResult
    public static func write(_ text: String, named name: String, in folder: URL) throws -> String {
        try write(Array(text.utf8), named: name, in: folder)
    }

    /// Writes `bytes` to `name` inside `folder` (creating subfolders) and returns the file's path.
    @discardableResult
    public static func write(_ bytes: [UInt8], named name: String, in folder: URL) throws -> String {
        let file = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Writes `text` as UTF-8 to `name` inside the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try Self.write(text, named: name, in: url)
    }

    /// Writes `bytes` to `name` inside the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        try Self.write(bytes, named: name, in: url)
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    private static func create(prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
