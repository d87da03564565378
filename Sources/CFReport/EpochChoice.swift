/// Which epoch of each run a comparison reads its metrics from (`--at best|last|EPOCH`).
public enum EpochChoice: Equatable, Sendable, CustomStringConvertible {
    /// The epoch with the best monitored metric, as the runner recorded it.
    case best
    /// The last recorded epoch.
    case last
    /// A 1-based epoch number; runs that stopped earlier have no value.
    case epoch(Int)

    /// Parses `best`, `last` or a positive epoch number.
    public init(parsing text: String) throws {
        switch text.lowercased() {
        case "best": self = .best
        case "last", "final": self = .last
        default:
            guard let number = Int(text), number > 0 else { throw ReportError.badEpoch(text) }
            self = .epoch(number)
        }
    }

    public var description: String {
        switch self {
        case .best: return "best"
        case .last: return "last"
        case let .epoch(number): return "\(number)"
        }
    }

    /// The label of the metric column read at this epoch, such as `best valid RMSE`.
    func label(_ metric: String) -> String {
        switch self {
        case .best: return "best \(metric)"
        case .last: return "last \(metric)"
        case let .epoch(number): return "\(metric) @\(number)"
        }
    }
}
