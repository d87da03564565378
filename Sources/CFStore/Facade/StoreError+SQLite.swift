import Foundation
import GRDB

extension StoreError {
    /// The one-line `StoreError` for an error met on the store at `path`.
    ///
    /// Damage (`SQLITE_CORRUPT`, or `SQLITE_NOTADB` on a file that starts like an SQLite
    /// database, or a failed read) is `damaged`; a file that is not SQLite at all stays
    /// `notADatabase`. A full disk is `diskFull`; a read-only file, folder or medium is
    /// `notWritable` with a reason that says "read-only".
    static func translating(_ error: Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let databaseError = error as? DatabaseError else {
            return .cannotOpen(path: path, reason: "\(error)")
        }
        let reason = databaseError.message ?? "\(databaseError.resultCode)"
        switch databaseError.resultCode {
        case .SQLITE_CORRUPT:
            return .damaged(path: path, reason: reason)
        case .SQLITE_NOTADB:
            return startsLikeSQLite(path) ? .damaged(path: path, reason: reason) : .notADatabase(path: path)
        case .SQLITE_FULL:
            return .diskFull(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM:
            return .notWritable(path: path, reason: "read-only: \(reason)")
        case .SQLITE_IOERR where [.SQLITE_IOERR_READ, .SQLITE_IOERR_SHORT_READ].contains(databaseError.extendedResultCode):
            return .damaged(path: path, reason: reason)
        case .SQLITE_CANTOPEN, .SQLITE_IOERR:
            return .notWritable(path: path, reason: reason)
        default:
            return .cannotOpen(path: path, reason: reason)
        }
    }

    /// Whether the file's first bytes are (a prefix of) SQLite's header string.
    static func startsLikeSQLite(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = Array("SQLite format 3\0".utf8)
        guard let bytes = try? handle.read(upToCount: header.count), !bytes.isEmpty else { return false }
        return Array(bytes) == Array(header.prefix(bytes.count))
    }
}
