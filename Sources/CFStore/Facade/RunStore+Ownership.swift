import Foundation
import GRDB

extension RunStore {
    /// Ends this writer's owner lock and deletes its file, as releasing the store does.
    ///
    /// For a process about to `exit()` with the store still referenced (deinit does not
    /// run then; the kernel still drops the lock, but the file stays until a claim finds
    /// it). Runs still `running` under this owner then go stale by heartbeat only. A later
    /// claim or `startRun` takes the lock again.
    public func releaseOwnerLock() {
        ownerLock?.release()
    }

    /// Throws unless run `runId` is `running` and owned by this store's `owner`.
    ///
    /// Every write of a run goes through it: a run that another process reclaimed (or
    /// that already ended) answers `runReclaimed`, and the caller stops that trial.
    func requireOwnedRunning(_ runId: Int64, in db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT r.status, r.owner, (
                SELECT n.owner FROM trial_claims c JOIN runs n ON n.id = c.run_id
                WHERE c.sweep = r.sweep AND c.trial_key = r.trial_key AND n.id <> r.id
            ) AS claimant
            FROM runs r WHERE r.id = ?
            """, arguments: [runId]) else {
            throw StoreError.unknownRun(id: runId)
        }
        let statusText: String = row["status"]
        let status = RunStatus(rawValue: statusText) ?? .interrupted
        let runOwner: String? = row["owner"]
        guard status != .running || runOwner != owner.token else { return }
        let claimant: String? = row["claimant"]
        let holder = claimant ?? (runOwner == owner.token ? nil : runOwner)
        throw StoreError.runReclaimed(runId: runId, status: status, by: holder == owner.token ? nil : holder)
    }

    /// Interrupts every active run of the owner of `run` (a row with `owner`, `pid` and
    /// `host`) when that owner ran on this host and its lock is free; true when it did.
    ///
    /// All the owner's runs go at once (a `--jobs` process has several), and its lock
    /// file is deleted: nobody will hold it again.
    func reclaimIfOwnerIsGone(_ run: Row, at date: Date, in db: Database) throws -> Bool {
        guard let token: String = run["owner"], let host: String = run["host"], host == owner.host,
              token != owner.token, OwnerLock.isAbandoned(storePath: path, token: token) else { return false }
        let processId: Int? = run["pid"]
        let runIds = try Int64.fetchAll(db, sql: """
            SELECT id FROM runs WHERE owner = ? AND status IN ('pending', 'running')
            """, arguments: [token])
        let reason = "owner process \(processId.map(String.init) ?? "?") on \(host) is gone"
        try interrupt(runIds, reason: reason, at: date, in: db)
        OwnerLock.remove(storePath: path, token: token)
        return true
    }
}
