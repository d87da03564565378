@testable import CFStore
import CFTestSupport
import CFCore
import Foundation
import GRDB
import XCTest

final class ChecksumTests: XCTestCase {
    /// A store with one run of three epochs (one with a step trace) and two kept tensors.
    private func storeWithRun() throws -> (store: RunStore, path: String, runId: Int64) {
        let (store, path) = try TemporaryStore.make(for: self)
        let runId = try store.startRun(SampleRuns.newRun())
        for epoch in 1...3 {
            let trace: JSONValue? = epoch == 2 ? .array([.double(0.5), .double(0.25)]) : nil
            try store.appendEpoch(runId: runId, epoch: epoch, metrics: ["valid_rmse": 1.25 / Double(epoch), "lr": 1e-3], stepTrace: trace)
        }
        try store.saveParameters(runId: runId, which: .best, tensors: [
            ParameterTensor(name: "user_embedding", shape: [3, 2], values: [1, 2, 3, 4, 5, 6]),
            ParameterTensor(name: "item_bias", shape: [4], values: [0.5, -0.5, 0, 1]),
        ])
        return (store, path, runId)
    }

    private func execute(_ path: String, _ body: (Database) throws -> Void) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write(body)
        try queue.close()
    }

    func testAnIntactStoreChecksEveryRow() throws {
        let (store, _, _) = try storeWithRun()
        XCTAssertEqual(try store.check(), StoreCheckReport(checkedEpochs: 3, checkedParameters: 2))
    }

    func testTheChecksumIsSHA256OfTheStoredBytes() throws {
        let (_, path, runId) = try storeWithRun()
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let epoch = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT metrics, step_trace, checksum FROM epochs WHERE run_id = ? AND epoch = 2", arguments: [runId]))
            let metrics: String = epoch["metrics"], trace: String = epoch["step_trace"]
            XCTAssertEqual(epoch["checksum"], Digest.sha256Hex(Data(metrics.utf8) + [0] + Data(trace.utf8)))
            let tensor = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT shape, data, checksum FROM parameters WHERE name = 'item_bias'"))
            let shape: String = tensor["shape"], data: Data = tensor["data"]
            XCTAssertEqual(tensor["checksum"], Digest.sha256Hex(Data(shape.utf8) + [0] + data))
        }
        try queue.close()
    }

    func testOneFlippedByteInAnEpochsMetricsIsFound() throws {
        let (store, path, runId) = try storeWithRun()
        try execute(path) { db in
            let metrics = try XCTUnwrap(String.fetchOne(db, sql: "SELECT metrics FROM epochs WHERE run_id = ? AND epoch = 2", arguments: [runId]))
            var bytes = Array(metrics.utf8)
            let digit = try XCTUnwrap(bytes.firstIndex(of: UInt8(ascii: "6")))
            bytes[digit] = UInt8(ascii: "7")
            try db.execute(sql: "UPDATE epochs SET metrics = ? WHERE run_id = ? AND epoch = 2", arguments: [String(decoding: bytes, as: UTF8.self), runId])
        }
        let report = try store.check()
        XCTAssertEqual(report.checkedEpochs, 3)
        XCTAssertEqual(report.problems.map(\.table), ["epochs"])
        XCTAssertEqual(report.problems.first?.runId, runId)
        XCTAssertEqual(report.problems.first?.epoch, 2)
        XCTAssertEqual(report.problems.first?.description.hasPrefix("epochs: run \(runId) epoch 2: checksum mismatch"), true)
    }

    func testOneFlippedBitInAParameterBlobIsFound() throws {
        let (store, path, runId) = try storeWithRun()
        try execute(path) { db in
            var data = try XCTUnwrap(Data.fetchOne(db, sql: "SELECT data FROM parameters WHERE name = 'user_embedding'"))
            data[5] ^= 0x01
            try db.execute(sql: "UPDATE parameters SET data = ? WHERE name = 'user_embedding'", arguments: [data])
        }
        let report = try store.check()
        XCTAssertEqual(report.problems, [StoreCheckReport.Problem(
            table: "parameters", runId: runId, name: "best/user_embedding",
            message: "checksum mismatch: its shape or values changed after they were written"
        )])
    }

    func testRowsWithoutAChecksumAreUncheckedNotDamaged() throws {
        let (store, path, _) = try storeWithRun()
        try execute(path) { db in
            try db.execute(sql: "UPDATE epochs SET checksum = NULL WHERE epoch = 1; UPDATE parameters SET checksum = NULL WHERE name = 'item_bias'")
        }
        XCTAssertEqual(
            try store.check(),
            StoreCheckReport(checkedEpochs: 2, checkedParameters: 1, uncheckedEpochs: 1, uncheckedParameters: 1)
        )
    }
}
