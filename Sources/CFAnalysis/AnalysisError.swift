/// Why an analysis of a stored run cannot be made; each message says what to do.
public enum AnalysisError: Error, Equatable, CustomStringConvertible {
    /// The run's stored config no longer loads.
    case unreadableConfig(runId: Int64, reason: String)
    /// A model tensor is missing from the store or has another shape.
    case tensorMismatch(runId: Int64, name: String, reason: String)
    /// The model has no tensor of this name (e.g. `item_embedding` for `biases`).
    case missingTensor(runId: Int64, kind: String, name: String, purpose: String)
    /// No user has this raw id.
    case unknownUser(String)
    /// No item has this raw id or title.
    case unknownItem(String)
    /// Several items match a title equally well.
    /// `candidates` lists the most-rated `candidateLimit` of the `matches` titles found.
    case ambiguousTitle(query: String, candidates: [String], matches: Int)
    /// The split was stored without its rated pairs.
    case noRatedPairs(runId: Int64)
    /// No item or user passes `--min-ratings`.
    case nothingLeft(what: String, minimumRatings: Int)
    /// A command-line value is out of range.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .unreadableConfig(runId, reason):
            return "run \(runId): its stored config does not load (\(reason)); it was written by another cflab version"
        case let .tensorMismatch(runId, name, reason):
            return "run \(runId): stored tensor \(name) \(reason); the run's parameters do not fit its config"
        case let .missingTensor(runId, kind, name, purpose):
            return "run \(runId) is a \(kind) model without \(name), which \(purpose) needs; pick a dot, dot_bias or nn run"
        case let .unknownUser(raw):
            return "no user with id \(raw) in this run's data; ids are the raw ids of the ratings file"
        case let .unknownItem(query):
            return "no item with id or title matching \"\(query)\"; try part of the title, or the raw item id"
        case let .ambiguousTitle(query, candidates, matches):
            let shown = candidates.count < matches ? " (the \(candidates.count) most rated)" : ""
            let more = candidates.count < matches ? "; … \(matches - candidates.count) more" : ""
            return "\"\(query)\" matches \(matches) items; pass one id with --item\(shown): " + candidates.joined(separator: "; ") + more
        case let .noRatedPairs(runId):
            return "run \(runId): its store kept no rated pairs for this split; train it again with this cflab to record them"
        case let .nothingLeft(what, minimumRatings):
            return "no \(what) has at least \(minimumRatings) training ratings; lower --min-ratings"
        case let .invalidArgument(message):
            return message
        }
    }
}
