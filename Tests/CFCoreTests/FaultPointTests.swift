@testable import CFCore
import Foundation
import XCTest

final class FaultPointTests: XCTestCase {
    func testParsesPointOccurrenceAndSignal() throws {
        let plain = try XCTUnwrap(FaultPoint.parse("after-claim"))
        XCTAssertEqual(plain.point, "after-claim")
        XCTAssertEqual(plain.occurrence, 1)
        XCTAssertEqual(plain.signal, SIGKILL)
        XCTAssertEqual(FaultPoint.parse("mid-epoch:30")?.occurrence, 30)
        XCTAssertEqual(FaultPoint.parse("during-final-evaluation:1:SIGINT")?.signal, SIGINT)
        XCTAssertEqual(FaultPoint.parse("x:2:sighup")?.signal, SIGHUP)
    }

    func testMalformedValuesArmNothing() {
        for text in [nil, "", ":1", "x:0", "x:-1", "x:a", "x:1:SIGBOGUS", "x:1:SIGINT:3"] {
            XCTAssertNil(FaultPoint.parse(text), text ?? "nil")
        }
    }

    func testUnsetHitsAreNoOps() {
        // The test process has no CFLAB_FAULT: hitting any point returns.
        for _ in 0..<1000 { FaultPoint.hit("after-claim") }
    }
}
