import CFStore
import Foundation
import XCTest

/// A fresh run store in a temporary folder that the test case's teardown removes.
public enum TemporaryStore {
    /// The store's file inside the folder: in a subfolder, so every use also checks that
    /// opening a store creates its parent folders.
    public static let defaultFile = "results/nested/runs.sqlite"

    /// Opens a new store at `file` inside a fresh folder removed after `testCase`.
    public static func make(for testCase: XCTestCase, file: String = defaultFile) throws -> (store: RunStore, path: String) {
        let path = try TemporaryFolder.make(for: testCase, prefix: "cflab-store").appendingPathComponent(file).path
        return (try RunStore(path: path), path)
    }
}
