import CFCore
import CFServe
import CFStore
import Hummingbird
import HummingbirdTesting
import XCTest

/// Every HTML page answers, shows what the store holds, and escapes every stored value.
final class PageRouteTests: XCTestCase {
    func testEveryPageAnswersWithTheStoresRuns() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self))
        let runs = try dashboard.store.runs()
        let best = try XCTUnwrap(runs.first { $0.bestMetrics["valid_rmse"] == 0.9123456789012345 })
        try await ServeFixtures.application(dashboard).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "text/html; charset=utf-8")
                XCTAssertTrue(response.text.contains("href=\"/sweeps/plain-sweep\""))
                XCTAssertTrue(response.text.contains("4 done · 1 running · 1 pruned · 1 failed"), response.text)
            }
            try await client.execute(uri: "/sweeps/plain-sweep", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let page = response.text
                XCTAssertTrue(page.contains("<table id=\"compare\" class=\"sortable choosable\">"), page)
                XCTAssertTrue(page.contains("data-value=\"0.9123456789012345\""), "the trial's best in full, for sorting")
                XCTAssertTrue(page.contains("<table id=\"trials\""))
                XCTAssertTrue(page.contains("class=\"pick\" data-run=\"\(best.id)\""))
                XCTAssertTrue(page.contains("<polyline"), "the curves chart")
                XCTAssertTrue(page.contains("data-live=\"true\""))
            }
            try await client.execute(uri: "/runs/\(best.id)", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let page = response.text
                XCTAssertTrue(page.contains("<table id=\"epochs\""))
                XCTAssertTrue(page.contains("data-value=\"0.9123456789012345\""), "epoch 3's valid_rmse in full")
                XCTAssertTrue(page.contains("RMSE per epoch"))
                XCTAssertTrue(page.contains("kind: dot_bias"), "the config as YAML")
                XCTAssertTrue(page.contains("data fingerprint"))
            }
            try await client.execute(uri: "/runs?sweep=plain-sweep&status=completed", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("4 runs."), response.text)
            }
            let ids = runs.prefix(3).map { String($0.id) }.joined(separator: ",")
            try await client.execute(uri: "/overlay?runs=\(ids),999", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("Overlay of 3 runs"))
                XCTAssertTrue(response.text.contains("No run 999 in this store."))
                XCTAssertEqual(response.text.components(separatedBy: "<polyline").count - 1, 3)
            }
            try await client.execute(uri: "/static/dashboard.js", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("function sortTable"))
            }
            try await client.execute(uri: "/static/dashboard.css", method: .get) { response in
                XCTAssertEqual(response.headers[.contentType], "text/css; charset=utf-8")
            }
        }
    }

    func testAPollWithTheSameEntityTagGetsNotModifiedAndANewCommitChangesIt() async throws {
        let path = try ServeFixtures.store(self)
        let dashboard = try ServeFixtures.dashboard(path)
        let writer = try RunStore(path: path)
        try await ServeFixtures.application(dashboard).test(.router) { client in
            let tag = try await client.execute(uri: "/sweeps/plain-sweep", method: .get) { response in
                try XCTUnwrap(response.headers[.eTag])
            }
            try await client.execute(uri: "/sweeps/plain-sweep", method: .get, headers: [.ifNoneMatch: tag]) { response in
                XCTAssertEqual(response.status, .notModified)
                XCTAssertEqual(response.body.readableBytes, 0)
            }
            let id = try ServeFixtures.claim(writer, sweep: ServeFixtures.plainSweep, key: "dot-5", kind: "dot", seed: 5)
            try writer.appendEpoch(runId: id, epoch: 1, metrics: ["valid_rmse": 0.5, "train_rmse": 0.4])
            try await client.execute(uri: "/sweeps/plain-sweep", method: .get, headers: [.ifNoneMatch: tag]) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertNotEqual(response.headers[.eTag], tag)
                XCTAssertTrue(response.text.contains("data-run=\"\(id)\""))
                XCTAssertTrue(response.text.contains("4 done · 2 running"))
            }
        }
    }

    func testAHostileNameIsEscapedOnEveryPage() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self))
        let evil = try XCTUnwrap(try dashboard.store.runs().first { $0.sweep == ServeFixtures.hostile })
        let encoded = ServeFixtures.hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        try await ServeFixtures.application(dashboard).test(.router) { client in
            for uri in ["/", "/sweeps/\(encoded)", "/runs/\(evil.id)", "/runs", "/overlay?runs=\(evil.id)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .ok, uri)
                    let page = response.text
                    XCTAssertFalse(page.contains("<script>alert"), "\(uri) shows the name unescaped")
                    XCTAssertFalse(page.contains("<img src=x"), uri)
                    XCTAssertEqual(page.components(separatedBy: "<script").count - 1, 1, "\(uri): only the dashboard's own script")
                    XCTAssertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img"), uri)
                    XCTAssertTrue(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") ?? false)
                }
            }
        }
    }

    func testUnknownPagesRunsAndSweepsAreNotFound() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self))
        try await ServeFixtures.application(dashboard).test(.router) { client in
            for uri in ["/nowhere", "/runs/999", "/runs/abc", "/sweeps/no-such-sweep", "/api/runs/999", "/api/sweeps/none/compare", "/api/nope"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .notFound, uri)
                    XCTAssertEqual(response.headers[.xContentTypeOptions], "nosniff", uri)
                }
            }
        }
    }
}
