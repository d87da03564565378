import CFStore
import CFText

/// The columns that describe an item in every analysis table: id, title, mean rating,
/// training ratings and genres.
struct ItemColumns {
    let metadata: DataMetadata

    /// The raw id and title, which lead a row.
    func leading(_ item: Int32) -> [TableCell] {
        [.text(metadata.items.raw(item)), .text(metadata.itemInfo[Int(item)].title)]
    }

    /// Mean training rating and the number of training ratings.
    func statistics(_ item: Int32) -> [TableCell] {
        [.number(float: metadata.itemMeans[Int(item)], decimals: 2), .integer(Int(metadata.itemCounts[Int(item)]))]
    }

    /// The genres, joined by `|`.
    func genres(_ item: Int32) -> TableCell {
        .text(metadata.itemInfo[Int(item)].genres.joined(separator: "|"))
    }

    static let leadingColumns = [TableColumn.named("id"), TableColumn.named("title", alignsRight: false)]
    static let statisticsColumns = [TableColumn.named("mean rating"), TableColumn.named("ratings")]
    static let genresColumn = TableColumn.named("genres", alignsRight: false)

    /// Whether `item` has at least `minimum` training ratings.
    func isEligible(_ item: Int, minimum: Int) -> Bool {
        Int(metadata.itemCounts[item]) >= minimum
    }
}
