import Foundation
import XCTest

extension CLIRunner {
    /// Starts `cflab arguments` in the background, printing nowhere; the caller waits or signals it.
    public static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until `condition` holds, polling; fails the test after `timeout` seconds.
    public static func waitUntil(timeout: TimeInterval = 60, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("condition not met within \(timeout) s")
    }
}
