import Foundation

/// A cross-process lock on `<store>.lock`, held while a store is checked and migrated.
///
/// Two `cflab run` processes that open a new store at the same moment would otherwise
/// both see "no migrations applied" and both try to create the tables. Writers take the
/// lock exclusively; readers take it shared, so that they never see a half-migrated store.
/// Where the lock file cannot be created (a read-only folder), opening goes on without it:
/// nothing can migrate such a store anyway.
struct OpeningLock {
    private let descriptor: Int32

    init?(storePath: String, exclusive: Bool) {
        let lockPath = storePath + ".lock"
        let descriptor = exclusive
            ? open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            : open(lockPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno != EINTR {
                close(descriptor)
                return nil
            }
        }
        self.descriptor = descriptor
    }

    /// Releases the lock; the lock file stays for the next opener.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
