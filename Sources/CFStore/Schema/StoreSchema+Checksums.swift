import GRDB

extension StoreSchema {
    /// `epochs.checksum` and `parameters.checksum`: `RowChecksum` of each row, written by
    /// every insert. Rows stored before this migration keep NULL, and `check()` counts them
    /// as unchecked.
    static func addChecksums(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE epochs ADD COLUMN checksum TEXT;
            ALTER TABLE parameters ADD COLUMN checksum TEXT;
            """)
    }
}
