import CFCore

/// Why a stored run cannot be reproduced; each message says what to do.
public enum ReproductionError: Error, CustomStringConvertible, Equatable {
    /// The stored config no longer parses in this build.
    case unreadableConfig(runId: Int64, reason: String)
    /// No place on the search path holds data that loads (`tried`, in order).
    case dataNotFound(runId: Int64, tried: [String], reason: String)
    /// The data at the stored location is not the data the run was trained on.
    case dataChanged(runId: Int64, location: String, found: String, stored: String)
    /// The run was trained under semantics this build does not know.
    case unknownSemantics(runId: Int64, version: Int)
    /// Training failed.
    case trainingFailed(String)
    /// A stop was requested before the reproduction finished.
    case interrupted(newRunId: Int64?)

    /// The exit code of `cflab reproduce` for this error: 3 when the data is not found,
    /// 2 when only data with another fingerprint is, 1 otherwise (as for differing metrics).
    public var exitCode: Int32 {
        switch self {
        case .dataNotFound: return 3
        case .dataChanged: return 2
        default: return 1
        }
    }

    public var description: String {
        switch self {
        case let .unreadableConfig(runId, reason):
            return "the stored config of run \(runId) cannot be read by this build: \(reason)"
        case let .dataNotFound(runId, tried, reason):
            return "cannot find the data of run \(runId): looked in \(tried.joined(separator: ", "))"
                + (reason.isEmpty ? "" : " (\(reason))") + "; pass --data PATH, or set CFLAB_DATA to the folder that holds it"
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
