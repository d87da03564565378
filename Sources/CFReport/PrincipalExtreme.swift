/// An item at one end of PC1: its title, scores, mean rating, count and genres.
public struct PrincipalExtreme: Equatable, Sendable {
    /// `lowest` or `highest`.
    public let end: String
    public let title: String
    public let first: Double
    public let second: Double
    public let meanRating: Double
    public let count: Int
    public let genres: [String]
}

extension EmbeddingCharts {
    /// The 10 basis items lowest and highest on PC1 (the basis `cflab inspect` uses).
    func extremes() -> [PrincipalExtreme] {
        guard let pca, pca.components.count >= 2, let metadata = report.model?.metadata else { return [] }
        let items = basisItems
        let sorted = pca.scores.indices.sorted { (pca.scores[$0][0], $0) < (pca.scores[$1][0], $1) }
        func extreme(_ row: Int, _ end: String) -> PrincipalExtreme {
            let item = items[row]
            return PrincipalExtreme(
                end: end, title: title(item), first: Double(pca.scores[row][0]), second: Double(pca.scores[row][1]),
                meanRating: item < metadata.itemMeans.count ? Double(metadata.itemMeans[item]) : 0,
                count: Int(metadata.itemCounts[item]), genres: item < metadata.itemInfo.count ? metadata.itemInfo[item].genres : [])
        }
        let lowest = sorted.prefix(10).map { extreme($0, "lowest") }
        let highest = sorted.suffix(10).reversed().filter { item in !sorted.prefix(10).contains(item) }.map { extreme($0, "highest") }
        return lowest + highest
    }
}
