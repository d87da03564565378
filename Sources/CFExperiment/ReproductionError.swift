import CFCore

/// Why a stored run cannot be reproduced; each message says what to do.
public enum ReproductionError: Error, CustomStringConvertible, Equatable {
    /// The stored config no longer parses in this build.
    case unreadableConfig(runId: Int64, reason: String)
    /// The run's data cannot be loaded from where it was.
    case dataUnavailable(runId: Int64, location: String, reason: String)
    /// The data at the stored location is not the data the run was trained on.
    case dataChanged(runId: Int64, location: String, found: String, stored: String)
    /// The run was trained under semantics this build does not know.
    case unknownSemantics(runId: Int64, version: Int)
    /// Training failed.
    case trainingFailed(String)
    /// A stop was requested before the reproduction finished.
    case interrupted(newRunId: Int64?)

    /// Whether the run's data (rather than its result) is the problem: `cflab reproduce` exits 2.
    public var isDataProblem: Bool {
        switch self {
        case .dataUnavailable, .dataChanged: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case let .unreadableConfig(runId, reason):
            return "the stored config of run \(runId) cannot be read by this build: \(reason)"
        case let .dataUnavailable(runId, location, reason):
            return "cannot load the data of run \(runId) from \(location): \(reason)"
        case let .dataChanged(runId, location, found, stored):
            return "the data at \(location) has fingerprint \(found), but run \(runId) was trained on data with "
                + "fingerprint \(stored); restore that data to reproduce it"
        case let .unknownSemantics(runId, version):
            return "run \(runId) was trained under semantics \(version), which this build does not know "
                + "(it knows \(RunSemanticsList.known)); reproduce it with the release that trained it"
        case let .trainingFailed(message):
            return message
        case .interrupted:
            return "the reproduction was interrupted"
        }
    }
}

/// The known semantics versions, for messages.
enum RunSemanticsList {
    static var known: String { RunSemantics.known.map { String($0.version) }.joined(separator: ", ") }
}
