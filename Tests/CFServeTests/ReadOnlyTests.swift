import CFCore
import CFServe
import CFStore
import CFTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import XCTest

/// The dashboard never writes the store: its file is byte for byte the same after every
/// route, and a write through its store is refused.
final class ReadOnlyTests: XCTestCase {
    func testServingEveryRouteLeavesTheStoreFileAsItWas() async throws {
        let path = try ServeFixtures.store(self)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let dashboard = try ServeFixtures.dashboard(path)
        let ids = try dashboard.store.runs().map(\.id)
        try await ServeFixtures.application(dashboard).test(.router) { client in
            var uris = ["/", "/runs", "/sweeps/plain-sweep", "/overlay?runs=1,2", "/api/runs", "/api/sweeps", "/api/sweeps/plain-sweep",
                        "/api/sweeps/plain-sweep/compare"]
            for id in ids { uris += ["/runs/\(id)", "/api/runs/\(id)", "/api/runs/\(id)/epochs"] }
            for uri in uris {
                try await client.execute(uri: uri, method: .get) { response in XCTAssertEqual(response.status, .ok, uri) }
            }
        }
        XCTAssertThrowsError(try dashboard.store.registerSweep(name: "x", sweptKeys: [], spec: .object([]))) { error in
            XCTAssertTrue(String(describing: error).contains("read-only"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, modified)
    }

    func testADamagedStoreIsAOneLineErrorAtOpening() throws {
        let folder = try TemporaryFolder.make(for: self, prefix: "cflab-serve")
        let path = folder.appendingPathComponent("runs.sqlite").path
        try Data("id,rating\n1,5\n".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try RunStore(path: path, readOnly: true)) { error in
            XCTAssertTrue(String(describing: error).contains("is not a cflab run store"), "\(error)")
        }
        XCTAssertThrowsError(try RunStore(path: folder.appendingPathComponent("none.sqlite").path, readOnly: true))
    }
}

extension ReadOnlyTests {
    func testAStoreOpenedForWritingIsRefused() throws {
        let (store, _) = try TemporaryStore.make(for: self)
        XCTAssertThrowsError(try Dashboard(store: store, settings: ServeSettings())) { error in
            guard case .writableStore? = error as? ServeError else { return XCTFail("\(error)") }
        }
    }
}
