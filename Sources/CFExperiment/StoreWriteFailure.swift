import CFStore
import Foundation
import GRDB

/// A write to the run store that failed, sorted into what the user can act on.
///
/// The trial that met it stops at once; its one-line `line` says why. A failure of the
/// whole store (`diskFull`, `readOnly`, `damaged`, `ioError`) also stops the sweep from
/// claiming more trials, since every one of them would fail the same way.
public struct StoreWriteFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, from the user's side.
    public enum Kind: String, Sendable, Equatable {
        case diskFull = "disk full"
        case readOnly = "read-only"
        case damaged = "damaged"
        /// The system refused the write (`SQLITE_IOERR`: EFBIG under `ulimit -f`, a failing disk).
        case ioError = "I/O error"
        /// Another process took the run over (it thought this one dead): write nothing more.
        case reclaimed = "reclaimed"
        /// The run is no longer in the store (`cflab runs delete --yes`).
        case runDeleted = "deleted"
        case other = "write failed"

        /// Whether every later write to the store would fail the same way.
        public var isStoreWide: Bool { [.diskFull, .readOnly, .damaged, .ioError].contains(self) }

        /// Whether the run still belongs to this process, so that its failure may be recorded.
        public var mayRecordOutcome: Bool { self != .reclaimed && self != .runDeleted }
    }

    public let kind: Kind
    /// The run the write was for (nil for a claim or the store as a whole).
    public let runId: Int64?
    /// The store's path, when known.
    public let path: String?
    /// The underlying message (SQLite's, for a store-wide kind).
    public let detail: String

    public init(kind: Kind, runId: Int64?, path: String? = nil, detail: String) {
        self.kind = kind
        self.runId = runId
        self.path = path
        self.detail = detail
    }

    /// Wraps any error of a store write; a `StoreWriteFailure` passes through unchanged.
    public init(_ error: any Error, runId: Int64?, path: String? = nil) {
        if let failure = error as? StoreWriteFailure {
            self = failure
        } else {
            self.init(kind: Self.classify(error), runId: runId, path: path, detail: Self.message(of: error))
        }
    }

    /// One line: "run 3: disk full: results/runs.sqlite cannot grow (database or disk is full); ...".
    public var line: String {
        let subject = runId.map { "run \($0)" } ?? "the store"
        let file = path ?? "the store"
        switch kind {
        case .reclaimed: return "\(subject): \(detail); stopped, writing nothing more"
        case .runDeleted: return "\(subject) was deleted from the store; stopped this trial"
        case .diskFull: return "\(subject): disk full: \(file) cannot grow (\(detail)); free some space or pass another --store"
        case .readOnly: return "\(subject): read-only: \(file) cannot be written (\(detail)); check its permissions or pass another --store"
        case .damaged: return "\(subject): damaged: \(file) is damaged (\(detail)); move it aside and pass another --store"
        case .ioError:
            return "\(subject): I/O error: writing \(file) failed (\(detail)); a full disk, a file-size limit (ulimit -f) or a failing device"
        case .other: return "\(subject): write failed: \(detail)"
        }
    }

    public var description: String { line }

    // MARK: the seam to CFStore's errors

    /// Sorts a store error into a `Kind`.
    ///
    /// SEAM (CFStore lifecycle work): this is the one place that reads store errors. Today
    /// `RunStore` turns GRDB errors into `StoreError.notWritable` / `.cannotOpen` /
    /// `.notADatabase` with SQLite's message as the reason, so the message text is matched;
    /// a raw GRDB `DatabaseError` is matched on its result code; CFStore's own
    /// `runReclaimed`, `diskFull` and `damaged` cases are matched directly. The text
    /// matching remains only for wrapped reasons of `notWritable`/`cannotOpen`.
    public static func classify(_ error: any Error) -> Kind {
        if let failure = error as? StoreWriteFailure { return failure.kind }
        if let database = error as? DatabaseError { return classify(database.resultCode) }
        if let store = error as? StoreError {
            switch store {
            case .unknownRun: return .runDeleted
            case .runReclaimed: return .reclaimed
            case .diskFull: return .diskFull
            case .damaged, .notADatabase, .corruptRecord: return .damaged
            case let .notWritable(_, reason): return classify(message: reason) ?? .readOnly
            case let .cannotOpen(_, reason): return classify(message: reason) ?? .other
            default: return .other
            }
        }
        let code = (error as NSError).domain == NSPOSIXErrorDomain ? Int32((error as NSError).code) : nil
        switch code {
        case ENOSPC?, EFBIG?, EDQUOT?: return .diskFull
        case EROFS?, EACCES?, EPERM?: return .readOnly
        default: return .other
        }
    }

    /// The message inside a store error: SQLite's reason rather than the advice around it.
    static func message(of error: any Error) -> String {
        switch error {
        case let StoreError.notWritable(_, reason), let StoreError.cannotOpen(_, reason), let StoreError.corruptRecord(_, reason):
            return reason
        case StoreError.notADatabase:
            return "not an SQLite database"
        case let database as DatabaseError:
            return database.message ?? "\(database.resultCode)"
        default:
            return "\(error)"
        }
    }

    /// The kind of an SQLite result code (primary or extended).
    static func classify(_ code: ResultCode) -> Kind {
        switch code.primaryResultCode {
        case .SQLITE_FULL: return .diskFull
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return .readOnly
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged
        case .SQLITE_IOERR: return .ioError
        default: return .other
        }
    }

    /// The kind named by SQLite's message for a result code, as `RunStore.translate` keeps it.
    static func classify(message: String) -> Kind? {
        let text = message.lowercased()
        if text.contains("disk is full") || text.contains("sqlite_full") { return .diskFull }
        if text.contains("malformed") || text.contains("not a database") || text.contains("sqlite_corrupt") { return .damaged }
        if text.contains("disk i/o error") || text.contains("sqlite_ioerr") { return .ioError }
        if text.contains("readonly") || text.contains("read-only") || text.contains("sqlite_readonly") { return .readOnly }
        return nil
    }
}
