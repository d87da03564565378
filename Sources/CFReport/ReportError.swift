/// Why a report or comparison could not be made; each message says what to do.
public enum ReportError: Error, Equatable, CustomStringConvertible {
    case noRuns(String)
    case unknownRun(Int64)
    case badEpoch(String)
    case unsafePath(String)
    case cannotReplace(String, reason: String)
    /// A config key given to `option` that no selected run has; `hint` is a did-you-mean
    /// or the list of known keys.
    case unknownKey(option: String, key: String, hint: String)
    /// Runs evaluated on different data or split settings, never ranked together.
    case mixedSections([String])
    /// `--at N` past the last epoch of every selected run.
    case epochNotReached(Int, longest: Int)

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
        case let .unknownKey(option, key, hint):
            let what = option == "--metrics" ? "this comparison has no such metric column" : "no selected run has this config key"
            return "\(option) \(key): \(what)\(hint)"
        case let .mixedSections(sections):
            return "the selected runs were evaluated on \(sections.count) different data or splits, whose validation metrics "
                + "are not comparable: \(sections.joined(separator: "; ")); select the runs of one, with --sweep or a --where on a split key (split.valid, split.kind, ...)"
        case let .epochNotReached(number, longest):
            return "--at \(number): no selected run reached epoch \(number) (the longest ran \(longest)); use --at last or a smaller epoch"
        }
    }
}
