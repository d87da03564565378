import Foundation

/// An advisory `flock` on `<store>.owners/<token>.lock`, held for as long as a writer lives.
///
/// A claim that meets a `running` run of an owner on this host probes that owner's lock
/// file: when the file exists and nobody holds its lock, the owner's process is gone (the
/// kernel drops a `flock` when its holder exits, however it exits), and the run is
/// reclaimed at once instead of after its heartbeat goes stale. The probe never looks at
/// process ids, so pid reuse and pid namespaces cannot fool it.
///
/// One file per owner token, locked with `flock`, because a `flock` belongs to the open
/// file: two stores in one process exclude each other, and closing one descriptor never
/// drops another's lock, unlike POSIX `fcntl` byte-range locks, which belong to the
/// process. The file is taken when the writer first inserts a run and deleted when the
/// writer is released; a missing file proves nothing (an older cflab, a folder that
/// cannot be written), so the heartbeat rule decides then.
final class OwnerLock: @unchecked Sendable {
    /// The lock file.
    let path: String
    private let folder: String
    private let mutex = NSLock()
    private var descriptor: Int32 = -1

    init(storePath: String, token: String) {
        folder = Self.folder(storePath: storePath)
        path = Self.path(storePath: storePath, token: token)
    }

    /// The folder of the owners' lock files of the store at `storePath`.
    static func folder(storePath: String) -> String { storePath + ".owners" }

    /// The lock file of the owner with `token` (a `/` in the token becomes `_`).
    static func path(storePath: String, token: String) -> String {
        folder(storePath: storePath) + "/" + token.replacingOccurrences(of: "/", with: "_") + ".lock"
    }

    /// Takes the lock unless it is held already; false when it cannot be taken.
    ///
    /// A file that was created but could not be locked is deleted again, so that no probe
    /// takes a live owner for a dead one.
    @discardableResult
    func acquire() -> Bool {
        mutex.withLock {
            if descriptor >= 0 { return true }
            if mkdir(folder, 0o755) != 0 && errno != EEXIST { return false }
            let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard opened >= 0 else { return false }
            guard Self.lock(opened, LOCK_EX | LOCK_NB) else {
                unlink(path)
                close(opened)
                return false
            }
            descriptor = opened
            return true
        }
    }

    /// Deletes the lock file and drops the lock; a later `acquire` takes it again.
    func release() {
        mutex.withLock {
            guard descriptor >= 0 else { return }
            unlink(path)
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit {
        release()
    }

    /// Whether the owner with `token` is gone: its lock file exists and nobody holds it.
    static func isAbandoned(storePath: String, token: String) -> Bool {
        let probe = open(path(storePath: storePath, token: token), O_RDONLY | O_CLOEXEC)
        guard probe >= 0 else { return false }
        defer { close(probe) }
        guard lock(probe, LOCK_SH | LOCK_NB) else { return false }
        flock(probe, LOCK_UN)
        return true
    }

    /// Deletes the lock file of an owner found gone.
    static func remove(storePath: String, token: String) {
        unlink(path(storePath: storePath, token: token))
    }

    /// `flock` retried on EINTR; true when the lock was taken.
    private static func lock(_ descriptor: Int32, _ operation: Int32) -> Bool {
        while flock(descriptor, operation) != 0 {
            if errno != EINTR { return false }
        }
        return true
    }
}
