import Foundation
import GRDB

extension RunStore {
    /// Checks the whole store (`cflab store check`): SQLite's `PRAGMA integrity_check`,
    /// then the checksum of every epoch and every kept tensor.
    ///
    /// Works on a read-only store, and on an older one read as it is (its rows all count
    /// as unchecked). A file too damaged to read at all throws `damaged`.
    public func check() throws -> StoreCheckReport {
        try read { db in
            var report = StoreCheckReport()
            for line in try String.fetchAll(db, sql: "PRAGMA integrity_check") where line != "ok" {
                report.problems.append(StoreCheckReport.Problem(message: line))
            }
            try checkEpochs(into: &report, in: db)
            try checkParameters(into: &report, in: db)
            return report
        }
    }

    /// Verifies `epochs.checksum`, counting rows without one as unchecked.
    private func checkEpochs(into report: inout StoreCheckReport, in db: Database) throws {
        guard try db.columns(in: "epochs").contains(where: { $0.name == "checksum" }) else {
            report.uncheckedEpochs = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM epochs") ?? 0
            return
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT run_id, epoch, CAST(metrics AS BLOB) AS metrics, CAST(step_trace AS BLOB) AS step_trace, checksum
            FROM epochs ORDER BY run_id, epoch
            """)
        while let row = try rows.next() {
            guard let stored: String = row["checksum"] else {
                report.uncheckedEpochs += 1
                continue
            }
            report.checkedEpochs += 1
            let metrics: Data = row["metrics"] ?? Data()
            let trace: Data? = row["step_trace"]
            if RowChecksum.epoch(metrics: metrics, stepTrace: trace) != stored {
                report.problems.append(StoreCheckReport.Problem(
                    table: "epochs", runId: row["run_id"], epoch: row["epoch"],
                    message: "checksum mismatch: its metrics or step trace changed after they were written"
                ))
            }
        }
    }

    /// Verifies `parameters.checksum`, counting rows without one as unchecked.
    private func checkParameters(into report: inout StoreCheckReport, in db: Database) throws {
        guard try db.columns(in: "parameters").contains(where: { $0.name == "checksum" }) else {
            report.uncheckedParameters = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM parameters") ?? 0
            return
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT run_id, which, name, CAST(shape AS BLOB) AS shape, data, checksum
            FROM parameters ORDER BY run_id, which, position
            """)
        while let row = try rows.next() {
            guard let stored: String = row["checksum"] else {
                report.uncheckedParameters += 1
                continue
            }
            report.checkedParameters += 1
            let shape: Data = row["shape"] ?? Data()
            let data: Data = row["data"] ?? Data()
            if RowChecksum.parameter(shape: shape, data: data) != stored {
                let which: String = row["which"], name: String = row["name"]
                report.problems.append(StoreCheckReport.Problem(
                    table: "parameters", runId: row["run_id"], name: "\(which)/\(name)",
                    message: "checksum mismatch: its shape or values changed after they were written"
                ))
            }
        }
    }
}
