import CFCore
import GRDB

extension RunStore {
    /// Adds `tag` to a run (no effect when it has it). A tag is non-empty printable text
    /// of at most `maximumTagLength` characters, as in an experiment file's `tags:`.
    public func tagRun(id runId: Int64, tag: String) throws {
        try Self.requireValidTag(tag)
        try write { db in
            try requireRun(runId, in: db)
            try db.execute(sql: "INSERT OR IGNORE INTO run_tags (run_id, tag) VALUES (?, ?)", arguments: [runId, tag])
        }
    }

    /// Removes `tag` from a run.
    public func untagRun(id runId: Int64, tag: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM run_tags WHERE run_id = ? AND tag = ?", arguments: [runId, tag])
        }
    }

    /// Deletes runs with their params, tags, epochs and parameters; returns how many existed.
    ///
    /// Deleting the current run of a trial removes its claim too, so the next `cflab run`
    /// of the sweep trains the trial again. Runs that reproduced a deleted run keep their
    /// rows, with `reproduces_run_id` set to NULL.
    @discardableResult
    public func deleteRuns(ids runIds: [Int64]) throws -> Int {
        try write { db in
            var deleted = 0
            for runId in runIds {
                try db.execute(sql: "DELETE FROM runs WHERE id = ?", arguments: [runId])
                deleted += db.changesCount
            }
            return deleted
        }
    }

    /// The longest tag, in characters (the same as an experiment file's names).
    public static let maximumTagLength = 200

    /// Throws `invalidArgument` for an empty, unprintable or overlong tag.
    public static func requireValidTag(_ tag: String) throws {
        if tag.isEmpty { throw StoreError.invalidArgument("a tag must not be empty") }
        if let problem = PrintableText.problem(in: tag) {
            throw StoreError.invalidArgument("the tag must be printable text; \(problem)")
        }
        if tag.count > maximumTagLength {
            throw StoreError.invalidArgument("a tag must be at most \(maximumTagLength) characters, got \(tag.count)")
        }
    }
}
