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
    /// The 10 items lowest and highest on PC1 among items with more than `minRatings` ratings.
    func extremes() -> [PrincipalExtreme] {
        guard let pca, pca.components.count >= 2, let metadata = report.model?.metadata else { return [] }
        let eligible = pca.scores.indices.filter { $0 < metadata.itemCounts.count && Int(metadata.itemCounts[$0]) > options.minRatings }
        let sorted = eligible.sorted { (pca.scores[$0][0], $0) < (pca.scores[$1][0], $1) }
        func extreme(_ item: Int, _ end: String) -> PrincipalExtreme {
            PrincipalExtreme(
                end: end, title: title(item), first: Double(pca.scores[item][0]), second: Double(pca.scores[item][1]),
                meanRating: item < metadata.itemMeans.count ? Double(metadata.itemMeans[item]) : 0,
                count: Int(metadata.itemCounts[item]), genres: item < metadata.itemInfo.count ? metadata.itemInfo[item].genres : [])
        }
        let lowest = sorted.prefix(10).map { extreme($0, "lowest") }
        let highest = sorted.suffix(10).reversed().filter { item in !sorted.prefix(10).contains(item) }.map { extreme($0, "highest") }
        return lowest + highest
    }
}
