import CFCore
@testable import CFServe
import CFStore
import CFTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import XCTest

/// The guard in front of every route: token, methods, sizes, rate; and the report folder,
/// the only place a request's path reaches the file system.
final class SecurityTests: XCTestCase {
    static let token = "0123456789abcdef0123"

    func testEveryRequestNeedsTheTokenWhenOneIsSet() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self), settings: ServeSettings(token: Self.token))
        try await ServeFixtures.application(dashboard).test(.router) { client in
            for uri in ["/", "/api/runs", "/static/dashboard.js", "/nowhere", "/report/x.html"] {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, .unauthorized, "\(uri) without a token")
                    XCTAssertEqual(response.headers[.wwwAuthenticate], "Bearer realm=\"cflab\"")
                }
            }
            for wrong in ["", "0123456789abcdef012", "0123456789abcdef01234", "x"] {
                try await client.execute(uri: "/api/runs", method: .get, headers: [.authorization: "Bearer \(wrong)"]) { response in
                    XCTAssertEqual(response.status, .unauthorized, "token \(wrong)")
                }
            }
            try await client.execute(uri: "/api/runs?token=nottheone0000000000", method: .get) { response in
                XCTAssertEqual(response.status, .unauthorized)
            }
            try await client.execute(uri: "/api/runs", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertNil(response.headers[.setCookie])
            }
            try await client.execute(uri: "/?token=\(Self.token)", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.setCookie], "cflab_token=\(Self.token); Path=/; HttpOnly; SameSite=Strict")
            }
            try await client.execute(uri: "/api/sweeps", method: .get, headers: [.cookie: "cflab_token=\(Self.token)"]) { response in
                XCTAssertEqual(response.status, .ok, "the cookie a page set lets its polls through")
            }
        }
    }

    func testANonLoopbackHostNeedsAStrongToken() throws {
        XCTAssertThrowsError(try ServeSettings(host: "0.0.0.0").validate()) { error in
            XCTAssertEqual(error as? ServeError, .tokenRequired(host: "0.0.0.0"))
            XCTAssertTrue(String(describing: error).hasPrefix("--host 0.0.0.0 is not a loopback address: pass --token"))
        }
        XCTAssertThrowsError(try ServeSettings(host: "192.168.1.4", token: "short").validate()) { error in
            XCTAssertEqual(error as? ServeError, .weakToken(length: 5))
        }
        XCTAssertThrowsError(try ServeSettings(token: "0123456789abcdef;Path=/x").validate()) { error in
            XCTAssertEqual(error as? ServeError, .tokenCharacters)
        }
        XCTAssertNoThrow(try ServeSettings(host: "0.0.0.0", token: Self.token).validate())
        for loopback in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { XCTAssertTrue(ServeSettings.isLoopback(loopback), loopback) }
        for other in ["0.0.0.0", "10.0.0.1", "127.0.0.256", "example.com", "127.0.0.1.example.com", "::"] {
            XCTAssertFalse(ServeSettings.isLoopback(other), other)
        }
        XCTAssertThrowsError(try ServeSettings(requestsPerSecond: 0).validate())
    }

    func testOnlyReadsOfBoundedSizeAreAccepted() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self))
        try await ServeFixtures.application(dashboard).test(.router) { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                try await client.execute(uri: "/api/runs", method: method) { response in
                    XCTAssertEqual(response.status, .methodNotAllowed, "\(method)")
                    XCTAssertEqual(response.headers[.allow], "GET, HEAD")
                }
            }
            try await client.execute(uri: "/api/sweeps", method: .head) { response in
                XCTAssertEqual(response.status, .ok, "HEAD answers as GET would")
                XCTAssertEqual(response.body.readableBytes, 0)
                XCTAssertNotEqual(response.headers[.contentLength], "0")
            }
            try await client.execute(uri: "/api/runs", method: .get, headers: [.contentLength: "5"], body: ByteBuffer(string: "hello")) { response in
                XCTAssertEqual(response.status, .contentTooLarge)
            }
            let long = String(repeating: "a", count: 9000)
            try await client.execute(uri: "/api/runs?where=\(long)", method: .get) { response in
                XCTAssertEqual(response.status, .uriTooLong)
            }
        }
    }

    func testAClientBeyondItsRateGetsTooManyRequests() async throws {
        let settings = ServeSettings(requestsPerSecond: 1, burst: 3)
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self), settings: settings)
        try await ServeFixtures.application(dashboard).test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 {
                statuses.append(try await client.execute(uri: "/api/sweeps", method: .get) { $0.status })
            }
            XCTAssertEqual(statuses.prefix(3).map(\.code), [200, 200, 200])
            XCTAssertEqual(statuses.last, .tooManyRequests)
        }
    }

    func testTheTokenBucketRefillsAtItsRateAndKeepsClientsApart() async {
        let limiter = RateLimiter(rate: 2, burst: 2)
        var admitted: [Bool] = []
        for (client, time) in [("a", 0.0), ("a", 0), ("a", 0), ("b", 0), ("a", 0.5), ("a", 0.6), ("a", 1.6), ("a", 1.6)] {
            admitted.append(await limiter.admit(client, now: time))
        }
        XCTAssertEqual(admitted, [true, true, false, true, true, false, true, true])
    }

    func testTraversalNeverLeavesTheReportFolder() async throws {
        let folder = try TemporaryFolder.make(for: self, prefix: "cflab-serve")
        let reports = folder.appendingPathComponent("plots")
        try FileManager.default.createDirectory(at: reports.appendingPathComponent("sweep-a"), withIntermediateDirectories: true)
        try "<p>report</p>".write(to: reports.appendingPathComponent("sweep-a/index.html"), atomically: true, encoding: .utf8)
        try "secret".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try "hidden".write(to: reports.appendingPathComponent(".hidden.txt"), atomically: true, encoding: .utf8)
        try "no type".write(to: reports.appendingPathComponent("run.sqlite"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: reports.appendingPathComponent("escape.txt"),
                                                   withDestinationURL: folder.appendingPathComponent("secret.txt"))
        let settings = ServeSettings(reportFolder: reports.path)
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self), settings: settings)
        try await ServeFixtures.application(dashboard).test(.router) { client in
            try await client.execute(uri: "/report/sweep-a/index.html", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.text, "<p>report</p>")
            }
            try await client.execute(uri: "/report/sweep-a/", method: .get) { response in
                XCTAssertEqual(response.status, .notFound, "an empty segment is refused")
            }
            let attempts = [
                "/report/../secret.txt", "/report/%2e%2e/secret.txt", "/report/%2E%2E%2Fsecret.txt", "/report/..%2fsecret.txt",
                "/report/sweep-a/../../secret.txt", "/report/sweep-a/%2e%2e/%2e%2e/secret.txt", "/report/..%5csecret.txt",
                "/report/%252e%252e/secret.txt", "/report/.hidden.txt", "/report/escape.txt", "/report/run.sqlite",
                "/report//etc/passwd", "/report/%2fetc%2fpasswd", "/report/sweep-a/index.html%00.png", "/report/%ff",
                "/report/../../../../etc/passwd", "/../../etc/passwd", "/static/../../etc/passwd",
            ]
            for attempt in attempts {
                try await client.execute(uri: attempt, method: .get) { response in
                    XCTAssertEqual(response.status, .notFound, attempt)
                    XCTAssertFalse(response.text.contains("secret"), attempt)
                    XCTAssertFalse(response.text.contains("root:"), attempt)
                }
            }
        }
    }

    func testWithoutAReportFolderNothingIsServedFromDisk() async throws {
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self))
        try await ServeFixtures.application(dashboard).test(.router) { client in
            try await client.execute(uri: "/report/index.html", method: .get) { response in
                XCTAssertEqual(response.status, .notFound)
            }
        }
    }
}

extension SecurityTests {
    func testAHeaderListBeyondTheBoundIsRefusedOnTheWire() async throws {
        let settings = ServeSettings(port: 0)
        let dashboard = try ServeFixtures.dashboard(try ServeFixtures.store(self), settings: settings)
        try await dashboard.application().test(.live) { client in
            let small = try await client.execute(uri: "/api/sweeps", method: .get, headers: [.userAgent: String(repeating: "a", count: 1000)]) { $0.status }
            XCTAssertEqual(small, .ok)
            let status: HTTPResponse.Status? = try? await client.execute(
                uri: "/api/sweeps", method: .get, headers: [.userAgent: String(repeating: "a", count: 20 * 1024)]) { $0.status }
            XCTAssertNotEqual(status, .ok, "a 20 KiB header is past the 16 KiB bound")
        }
    }
}
