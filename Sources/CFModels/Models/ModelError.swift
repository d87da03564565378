/// Why a model could not be built from its config; each message says what to change.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    case invalidYRange(low: Double, high: Double)
    case invalidEmbeddingDimensions(String)
    case invalidDropout(name: String, rate: Double)
    case invalidLayers([Int])
    case emptyTable(side: String)

    public var description: String {
        switch self {
        case let .invalidYRange(low, high):
            return "model.y_range: [\(low), \(high)] is empty; give finite bounds with low < high"
        case let .invalidEmbeddingDimensions(reason):
            return "model.embedding_dim: \(reason)"
        case let .invalidDropout(name, rate):
            return "model.\(name): \(rate) is not a dropout rate; use a value in [0, 1)"
        case let .invalidLayers(layers):
            return "model.layers: \(layers) must list positive layer widths"
        case let .emptyTable(side):
            return "the training data has no \(side)s; a model needs at least one"
        }
    }
}
