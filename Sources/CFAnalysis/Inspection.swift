import CFLinalg

/// What a run learned about items: the items with the highest and lowest learned bias,
/// and the items at both ends of one principal component of the item embeddings.
///
/// Only items with at least `minimumRatings` training ratings take part, in the bias
/// ranking and in the PCA alike. Either part is nil when the model lacks its tensor
/// (`dot` has no biases, `biases` no embeddings); a model with neither is an error.
public struct Inspection {
    /// An item and its value: a bias, or a score on the chosen component.
    public typealias Ranked = (item: Int32, value: Double)

    public let run: AnalyzedRun
    public let count: Int
    public let minimumRatings: Int
    /// Highest bias first, and lowest bias first.
    public let highestBias: [Ranked]?
    public let lowestBias: [Ranked]?
    /// The PCA of the eligible items' embeddings and those items, in dense id order.
    public let pca: PCA?
    public let pcaItems: [Int32]
    /// 0-based component the extremes are taken on.
    public let component: Int

    /// - Parameter component: 1-based principal component (default 1).
    public init(run: AnalyzedRun, count: Int, minimumRatings: Int, component: Int = 1) throws {
        let metadata = run.metadata
        let eligible = metadata.analysedItems(minimumRatings: minimumRatings)
        if eligible.isEmpty { throw AnalysisError.nothingLeft(what: "item", minimumRatings: minimumRatings) }
        let biases = (try? run.table("item_bias", for: "inspect"))?.firstColumn
        let embeddings = try? run.table("item_embedding", for: "inspect")
        if biases == nil && embeddings == nil {
            throw AnalysisError.missingTensor(runId: run.runId, kind: run.kind, name: "item_bias or item_embedding", purpose: "inspect")
        }
        self.run = run
        self.count = count
        self.minimumRatings = minimumRatings
        self.component = component - 1
        if let biases {
            let ranked = eligible.map { (item: Int32($0), value: Double(biases[$0])) }
            highestBias = Self.extremes(ranked, count: count, highest: true)
            lowestBias = Self.extremes(ranked, count: count, highest: false)
        } else {
            highestBias = nil
            lowestBias = nil
        }
        if let embeddings {
            guard (1...embeddings.columns).contains(component) else {
                throw AnalysisError.invalidArgument("--component \(component): the embeddings have \(embeddings.columns) components; pick 1 to \(embeddings.columns)")
            }
            guard eligible.count >= 2 else { throw AnalysisError.nothingLeft(what: "second item", minimumRatings: minimumRatings) }
            pca = try PCA.fit(
                matrix: embeddings.matrix(rows: eligible), rows: eligible.count, columns: embeddings.columns,
                components: min(embeddings.columns, max(10, component))
            )
            pcaItems = eligible.map(Int32.init)
        } else {
            pca = nil
            pcaItems = []
        }
    }

    /// The `count` items with the highest (or lowest) value; ties go to the lower item id.
    static func extremes(_ ranked: [Ranked], count: Int, highest: Bool) -> [Ranked] {
        let sorted = ranked.sorted { highest ? ($0.value, $1.item) > ($1.value, $0.item) : ($0.value, $0.item) < ($1.value, $1.item) }
        return Array(sorted.prefix(count))
    }

    /// The items at one end of the chosen component, with their scores on it.
    public func componentExtremes(highest: Bool) -> [(item: Int32, row: Int)] {
        guard let pca else { return [] }
        let ranked = pcaItems.indices.map { (item: pcaItems[$0], value: Double(pca.score(row: $0, component: component))) }
        let rows = Dictionary(uniqueKeysWithValues: pcaItems.enumerated().map { ($1, $0) })
        return Self.extremes(ranked, count: count, highest: highest).compactMap { entry in rows[entry.item].map { (entry.item, $0) } }
    }
}
