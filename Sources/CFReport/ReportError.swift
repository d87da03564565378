/// Why a report or comparison could not be made; each message says what to do.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case noRuns(String)
    case unknownRun(Int64)
    case badEpoch(String)
    case unsafePath(String)
    case cannotReplace(String, reason: String)

    public var description: String {
        switch self {
        case let .noRuns(selection):
            return "no runs match \(selection); list runs with `cflab runs` and check the selection"
        case let .unknownRun(id):
            return "run \(id) is not in the store; list runs with `cflab runs`"
        case let .badEpoch(text):
            return "--at \(text): expected best, last or an epoch number (1, 2, ...)"
        case let .unsafePath(path):
            return "\(path) would write outside the output folder; choose another name"
        case let .cannotReplace(path, reason):
            return "cannot put the new report in place at \(path) (\(reason)); check the folder's permissions"
        }
    }
}
