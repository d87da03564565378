/// Why `cflab serve` refuses to start: each message says what to do.
public enum ServeError: Error, Equatable, CustomStringConvertible {
    /// A non-loopback `--host` without `--token`.
    case tokenRequired(host: String)
    /// A `--token` too short to resist guessing.
    case weakToken(length: Int)
    /// A `--token` with characters that a query or a cookie would change.
    case tokenCharacters
    /// A limit outside its range (`--rate-limit 0`, `--port 70000`).
    case badLimit(option: String, value: Int, range: ClosedRange<Int>)
    /// A store opened for writing: the dashboard only reads, through `readOnly: true`.
    case writableStore(String)
    /// The report folder is not a folder.
    case notAFolder(String)

    public var description: String {
        switch self {
        case let .tokenRequired(host):
            return "--host \(host) is not a loopback address: pass --token TOKEN (every request must carry it), or bind 127.0.0.1"
        case let .weakToken(length):
            return "--token has \(length) characters: use at least \(ServeSettings.minimumTokenLength) (for example `openssl rand -hex 16`)"
        case .tokenCharacters:
            return "--token may hold only letters, digits and . _ ~ - (for example `openssl rand -hex 16`)"
        case let .badLimit(option, value, range):
            return "\(option) \(value): expected \(range.lowerBound)...\(range.upperBound)"
        case let .writableStore(path):
            return "\(path) was opened for writing; the dashboard reads a store opened with readOnly: true"
        case let .notAFolder(path):
            return "--reports \(path) is not a folder; pass the folder `cflab report` writes into (default plots)"
        }
    }
}
