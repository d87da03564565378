import CFConfig
import CFData
import CFStore

/// How one fuzz input ended: accepted, or refused with one of the libraries' own errors.
///
/// A trap never gets here; it ends the process, which is what a fuzzer reports as a crash.
/// An error of any other type is `unexpected`: the input was refused, but not with a
/// located message that names the file and line (or the expression's position).
public enum FuzzOutcome: Equatable {
    /// The library read the input without error.
    case accepted
    /// An experiment file refused with `file:line:column: key: message` issues.
    case config(ConfigError)
    /// A data file refused, typically with `path:line: reason`.
    case data(DataError)
    /// A `--where` expression refused with the position of the problem.
    case filter(WhereError)
    /// A filter refused by the store (an unknown field, with a did-you-mean).
    case store(StoreError)
    /// Any other error: its type and description.
    case unexpected(String)

    /// The outcome of a thrown `error`.
    init(_ error: any Error) {
        switch error {
        case let error as ConfigError: self = .config(error)
        case let error as DataError: self = .data(error)
        case let error as WhereError: self = .filter(error)
        case let error as StoreError: self = .store(error)
        default: self = .unexpected("\(type(of: error)): \(error)")
        }
    }

    /// The outcome of `body`: `accepted` when it returns, the kind of its error when it throws.
    static func of(_ body: () throws -> Void) -> FuzzOutcome {
        do {
            try body()
            return .accepted
        } catch {
            return FuzzOutcome(error)
        }
    }
}
