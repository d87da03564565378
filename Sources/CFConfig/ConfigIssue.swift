import CFCore

/// Where a config value came from: a line and column of a file, or a `--set` override.
public enum ConfigLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// A position in a YAML file; line and column start at 1.
    case file(String, line: Int, column: Int)
    /// A `--set key.path=value` option on the command line.
    case override

    public var description: String {
        switch self {
        case let .file(name, line, column): return "\(name):\(line):\(column)"
        case .override: return "--set"
        }
    }

    /// The file name, or nil for an override.
    public var fileName: String? {
        if case let .file(name, _, _) = self { return name }
        return nil
    }
}

/// One problem found in an experiment file, with its location and dotted key path.
public struct ConfigIssue: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var location: ConfigLocation
    /// The dotted key path such as `model.dropout`; empty for file-level problems.
    public var path: String
    /// What is wrong and, where possible, what to write instead.
    public var message: String

    public init(location: ConfigLocation, path: String, message: String) {
        self.location = location
        self.path = path
        self.message = message
    }

    /// `file:line:column: key.path: message`, its hidden characters written as codes
    /// (a key or value quoted from the file must not act on the terminal).
    public var description: String {
        VisibleText.escaping(path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)")
    }
}

/// Every problem of an experiment file at once; `description` prints one line per issue.
public struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var issues: [ConfigIssue]

    public init(issues: [ConfigIssue]) {
        self.issues = issues
    }

    public init(_ location: ConfigLocation, _ path: String, _ message: String) {
        self.issues = [ConfigIssue(location: location, path: path, message: message)]
    }

    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
