import CFCore
import Foundation

/// What can go wrong opening or using a run store, with messages that say what to do.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// Why a run has no kept parameters.
    public enum MissingParameters: Equatable, Sendable {
        /// A `global_mean` baseline: it learns nothing but the training mean.
        case noneToLearn
        /// `training.keep: none`.
        case keepNone
        /// It is still running: parameters are kept when it ends.
        case stillRunning
        /// It ended with this status before parameters were kept.
        case ended(String)
    }

    /// The file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// The file is an SQLite database whose pages are damaged (truncated, overwritten).
    case damaged(path: String, reason: String)
    /// A write failed because the disk (or the store's size limit) is full.
    case diskFull(path: String)
    /// The store (or its folder) cannot be created or written.
    case notWritable(path: String, reason: String)
    /// The store cannot be opened for another reason.
    case cannotOpen(path: String, reason: String)
    /// The path holds what no run store can be: a folder, a device or pipe, or another
    /// program's database. Nothing is opened or written.
    case notAStore(path: String, reason: String)
    /// The store was migrated by a newer cflab.
    case newerStore(path: String, migration: String)
    /// A store is missing migrations that this build would apply. Read-only openings no
    /// longer throw it (they read an older store as it is); kept for callers that match it.
    case outdatedStore(path: String, migration: String)
    /// The run is no longer this writer's: another process reclaimed it (`by` names the
    /// owner that holds its trial or the run now), or it already ended. The caller must
    /// stop that trial and write nothing more to it.
    case runReclaimed(runId: Int64, status: RunStatus, by: String?)
    /// No run has this id.
    case unknownRun(id: Int64)
    /// The run kept no parameters, for `reason`.
    case noParameters(runId: Int64, reason: MissingParameters)
    /// The run's split has no stored data metadata.
    case missingMetadata(runId: Int64, splitFingerprint: String)
    /// A stored value cannot be decoded.
    case corruptRecord(path: String, reason: String)
    /// A caller passed a value the store cannot keep.
    case invalidArgument(String)
    /// A field of a filter or sort that no run of the store has; `hint` is a did-you-mean
    /// or the list of known fields.
    case unknownField(name: String, hint: String)

    /// The message, its hidden characters written as codes (a field, migration or path
    /// quoted from the user or the store must not act on the terminal).
    public var description: String { VisibleText.escaping(text) }

    private var text: String {
        switch self {
        case let .notADatabase(path):
            return "\(path) is not a cflab run store (not an SQLite database); move it aside or use another --store"
        case let .damaged(path, reason):
            return "\(path) is damaged (\(reason)); restore a backup, or recover its rows with "
                + "`sqlite3 \(path) .recover | sqlite3 \(path).recovered` and use --store \(path).recovered"
        case let .diskFull(path):
            return "\(path) cannot be written: disk full; free some space and run again "
                + "(every write committed before this one is kept)"
        case let .notWritable(path, reason):
            return "\(path) cannot be written (\(reason)); check the folder's permissions or use another --store"
        case let .cannotOpen(path, reason):
            return "\(path) cannot be opened: \(reason)"
        case let .notAStore(path, reason):
            return "\(path) is not a run store (\(reason)); move it aside or pass another --store"
        case let .newerStore(path, migration):
            return "\(path) was written by a newer cflab (migration '\(migration)'); upgrade cflab or use another --store"
        case let .outdatedStore(path, migration):
            return "\(path) was written by an older cflab and lacks migration '\(migration)'; open it once for writing to upgrade it"
        case let .runReclaimed(runId, status, holder):
            let now = holder.map { "; \($0) holds it now" } ?? ""
            return "run \(runId) is no longer this process's to write (it is \(status.rawValue)\(now)); "
                + "stop training it and write nothing more to it"
        case let .unknownRun(id):
            return "no run with id \(id) in the store; `cflab runs` lists them"
        case let .noParameters(runId, reason):
            switch reason {
            case .noneToLearn:
                return "run \(runId) is a global_mean baseline: it predicts the training mean and has no parameters "
                    + "to read; pick a biases, dot, dot_bias or nn run (`cflab runs` lists them)"
            case .keepNone:
                return "run \(runId) kept no parameters (training.keep: none); train it again with keep: best"
            case .stillRunning:
                return "run \(runId) has kept no parameters yet: it is still running, and keeps them when it ends"
            case let .ended(status):
                return "run \(runId) kept no parameters: it ended \(status) before any were kept; train it again (`cflab run` resumes it)"
            }
        case let .missingMetadata(runId, splitFingerprint):
            return "run \(runId): no data metadata for split \(splitFingerprint.prefix(12)); reproduce the run to store it"
        case let .corruptRecord(path, reason):
            return "\(path): a stored record cannot be read (\(reason))"
        case let .invalidArgument(reason):
            return reason
        case let .unknownField(name, hint):
            return "unknown field `\(name)`: no run in the store has it\(hint)"
        }
    }
}
