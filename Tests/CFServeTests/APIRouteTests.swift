import CFCore
import CFReport
import CFServe
import CFStore
import Hummingbird
import HummingbirdTesting
import XCTest

/// The JSON API gives the values `--format json` prints (the same `RunJSON` and compare
/// table), bit for bit, and refuses bad queries with a one-line reason.
final class APIRouteTests: XCTestCase {
    func testRunsAndEpochsAreTheCommandLinesJSONBitForBit() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self))
        let store = dashboard.store
        let all = try store.runs()
        let best = try XCTUnwrap(all.first { $0.bestMetrics["valid_rmse"] == 0.9123456789012345 })
        try await ServeFixtures.application(dashboard).test(.router) { client in
            try await client.execute(uri: "/api/runs", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                XCTAssertEqual(response.text, RunJSON.listing(all, sweptKeys: []).compact + "\n")
            }
            let sweepRuns = try store.runs(matching: RunQuery(sweep: ServeFixtures.plainSweep, statuses: [.completed]))
            try await client.execute(uri: "/api/runs?sweep=plain-sweep&status=completed", method: .get) { response in
                XCTAssertEqual(response.text, RunJSON.listing(sweepRuns, sweptKeys: ["model.kind", "seed"]).compact + "\n")
                let rows = try XCTUnwrap(try response.json().arrayValue)
                XCTAssertEqual(rows.count, 4)
                let values = rows.compactMap { $0["best"]?["valid_rmse"]?.doubleValue?.bitPattern }
                XCTAssertTrue(values.contains((0.9123456789012345).bitPattern), "the full 17 digits survive")
                XCTAssertEqual(rows[0]["params"]?["model.kind"]?.stringValue, "dot")
            }
            try await client.execute(uri: "/api/runs?where=model.kind%20%3D%20dot_bias&status=completed,pruned&sort=valid_rmse", method: .get) { response in
                let ids = try response.json().arrayValue?.compactMap { $0["id"]?.intValue }
                let expected = try store.runs(matching: RunQuery(statuses: [.completed, .pruned], filter: try WhereFilter(parsing: "model.kind = dot_bias"),
                                                                 sort: "valid_rmse")).map(\.id)
                XCTAssertEqual(ids, expected)
                XCTAssertEqual(ids?.count, 3)
            }
            try await client.execute(uri: "/api/runs/\(best.id)", method: .get) { response in
                XCTAssertEqual(response.text, RunJSON.detail(best, epochs: try store.epochs(runId: best.id)).compact + "\n")
            }
            try await client.execute(uri: "/api/runs/\(best.id)/epochs", method: .get) { response in
                let epochs = try store.epochs(runId: best.id)
                XCTAssertEqual(response.text, RunJSON.epochs(epochs).compact + "\n")
                XCTAssertEqual(try response.json().arrayValue?.count, 3)
            }
            try await client.execute(uri: "/api/runs/\(best.id)/epochs?after=2", method: .get) { response in
                XCTAssertEqual(try response.json().arrayValue?.compactMap { $0["epoch"]?.intValue }, [3])
            }
        }
    }

    func testSweepsAndCompareAreTheStoresCountsAndCompareTable() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self))
        try await ServeFixtures.application(dashboard).test(.router) { client in
            try await client.execute(uri: "/api/sweeps", method: .get) { response in
                let sweeps = try XCTUnwrap(try response.json().arrayValue)
                XCTAssertEqual(sweeps.compactMap { $0["name"]?.stringValue }, [ServeFixtures.plainSweep, ServeFixtures.hostile])
                let counts = sweeps[0]["counts"]
                XCTAssertEqual(counts?["completed"]?.intValue, 4)
                XCTAssertEqual(counts?["running"]?.intValue, 1)
                XCTAssertEqual(counts?["pruned"]?.intValue, 1)
                XCTAssertEqual(counts?["failed"]?.intValue, 1)
                XCTAssertEqual(sweeps[0]["trials"]?.intValue, 7)
            }
            try await client.execute(uri: "/api/sweeps/plain-sweep", method: .get) { response in
                XCTAssertEqual(try response.json()["swept_keys"], .array([.string("model.kind"), .string("seed")]))
            }
            let expected = try ComparisonRequest(selection: RunSelection(sweep: ServeFixtures.plainSweep)).table(in: dashboard.store).json
            try await client.execute(uri: "/api/sweeps/plain-sweep/compare", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(try response.json(), expected)
                XCTAssertEqual(response.text, expected.compact + "\n")
            }
            let byRun = try ComparisonRequest(selection: RunSelection(sweep: ServeFixtures.plainSweep), at: .last, groupBy: [],
                                              metrics: ["valid_rmse"]).table(in: dashboard.store).json
            try await client.execute(uri: "/api/sweeps/plain-sweep/compare?at=last&group_by=none&metrics=valid_rmse", method: .get) { response in
                XCTAssertEqual(try response.json(), byRun)
            }
        }
    }

    func testBadQueriesAreRefusedWithTheirReason() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self))
        try await ServeFixtures.application(dashboard).test(.router) { client in
            try await client.execute(uri: "/api/runs?status=sleeping", method: .get) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertTrue(try response.json()["error"]?.stringValue?.hasPrefix("status sleeping: expected one of pending") ?? false)
            }
            try await client.execute(uri: "/api/runs?where=model.kind%20%3D%3D%3D", method: .get) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertNotNil(try response.json()["error"]?.stringValue)
            }
            try await client.execute(uri: "/api/runs?limit=0", method: .get) { response in
                XCTAssertEqual(response.status, .badRequest)
            }
            try await client.execute(uri: "/api/sweeps/plain-sweep/compare?at=soon", method: .get) { response in
                XCTAssertEqual(response.status, .badRequest)
            }
        }
    }
}
