import CFStore

/// One side (items or users) of a stored model as CSV rows with raw ids and metadata.
struct EmbeddingTable {
    enum Side: String {
        case item, user
    }

    let model: StoredModel
    let side: Side

    /// The whole CSV text (RFC 4180: CRLF line ends, quoted fields), header first, rows by dense id.
    func csv() -> String {
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
        var lines = [header.joined(separator: ",")]
        lines.reserveCapacity(ids.count + 1)
        for (index, rawId) in ids.enumerated() {
            var cells = [String(index), rawId]
            if side == .item {
                let info = metadata.itemInfo.indices.contains(index) ? metadata.itemInfo[index] : nil
                cells += [info?.title ?? "", info?.genres.joined(separator: "|") ?? ""]
            }
            cells.append(counts.indices.contains(index) ? String(counts[index]) : "0")
            cells.append(means.indices.contains(index) ? "\(means[index])" : "0")
            if let bias { cells.append(bias.values.indices.contains(index) ? "\(bias.values[index])" : "") }
            if let embedding, dimensions > 0 {
                let start = index * dimensions
                if start + dimensions <= embedding.values.count {
                    cells += embedding.values[start..<(start + dimensions)].map { "\($0)" }
                }
            }
            lines.append(cells.map(TextTable.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
