import CFStore
import CFText

/// One side (items or users) of a stored model as a table with raw ids and metadata,
/// written as CSV.
struct EmbeddingTable {
    enum Side: String {
        case item, user
    }

    let model: StoredModel
    let side: Side

    /// The rows by dense id: ids, (items: title, genres), count, mean, bias, embedding.
    func table() -> Table {
        let metadata = model.metadata
        let ids = side == .item ? metadata.items.rawIds : metadata.users.rawIds
        let counts = side == .item ? metadata.itemCounts : metadata.userCounts
        let means = side == .item ? metadata.itemMeans : metadata.userMeans
        let embedding = model.tensor(named: "\(side.rawValue)_embedding")
        let bias = model.tensor(named: "\(side.rawValue)_bias")
        let dimensions = embedding.map { $0.shape.count > 1 ? $0.shape[1] : 1 } ?? 0
        var header = ["dense_id", "raw_id"]
        if side == .item { header += ["title", "genres"] }
        header += ["count", "mean"]
        if bias != nil { header.append("bias") }
        header += (0..<dimensions).map { "e\($0)" }
        var table = Table(columns: header.map { TableColumn($0) })
        table.rows.reserveCapacity(ids.count)
        for (index, rawId) in ids.enumerated() {
            var cells: [TableCell] = [.integer(index), .text(rawId)]
            if side == .item {
                let info = metadata.itemInfo.indices.contains(index) ? metadata.itemInfo[index] : nil
                cells += [.text(info?.title ?? ""), .text(info?.genres.joined(separator: "|") ?? "")]
            }
            cells.append(.integer(counts.indices.contains(index) ? Int(counts[index]) : 0))
            cells.append(means.indices.contains(index) ? .number(float: means[index]) : .integer(0))
            if let bias { cells.append(bias.values.indices.contains(index) ? .number(float: bias.values[index]) : .missing) }
            if let embedding, dimensions > 0 {
                let start = index * dimensions
                if start + dimensions <= embedding.values.count {
                    cells += embedding.values[start..<(start + dimensions)].map { .number(float: $0) }
                }
            }
            table.append(cells)
        }
        return table
    }

    /// The whole CSV text (RFC 4180: CRLF line ends, quoted fields), header first, rows by dense id.
    func csv() -> String {
        TableRenderer(format: .csv, lineBreak: "\r\n").render(table()) + "\r\n"
    }
}
