import CFText

extension TableColumn {
    /// An analysis column: right-aligned unless told otherwise, keyed by its name in snake
    /// case ("mean rating" → `mean_rating`).
    public static func named(_ name: String, alignsRight: Bool = true) -> TableColumn {
        TableColumn(name, key: snakeKey(name), alignment: alignsRight ? .right : .left)
    }
}
