import GRDB

extension RunStore {
    /// Caps the store at `pages` pages on the writer's connection (`PRAGMA
    /// max_page_count`), for tests of a full disk; returns the cap in effect, which SQLite
    /// never sets below the file's current size.
    @discardableResult
    func limitPageCount(to pages: Int) throws -> Int {
        try database.writeWithoutTransaction { db in
            try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(max(1, pages))") ?? 0
        }
    }

    /// The file's size in pages (`PRAGMA page_count`).
    func pageCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
    }
}
