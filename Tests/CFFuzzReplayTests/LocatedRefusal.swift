import CFConfig
import CFData
import CFFuzzing
import CFStore
import Foundation

/// What makes a refusal of a fuzz input a located one, the kind cflab promises for
/// hostile input: config issues at `file:line:column` of one of the input's files, data
/// errors at `path:line:` of one of them, `--where` errors with a caret inside the
/// expression, and store refusals that name the unknown field.
enum LocatedRefusal {
    /// Why `outcome` of `input` is not a located refusal, or nil when it is one.
    static func problem(with outcome: FuzzOutcome, of target: FuzzTarget, input: [UInt8]) -> String? {
        let lines = input.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        func misplaced(_ path: String, line: Int) -> String? {
            let name = (path as NSString).lastPathComponent
            guard target.fileNames.contains(name) else { return "located in \(path), not in one of \(target.fileNames)" }
            // One line past the end is where a missing line would be (`no ratings after the header line`).
            return (1...lines + 1).contains(line) ? nil : "located at line \(line) of an input of \(lines) lines"
        }
        switch outcome {
        case .accepted:
            return nil
        case let .config(error):
            guard !error.issues.isEmpty else { return "a config error without issues" }
            for issue in error.issues {
                guard case let .file(path, line, column) = issue.location else { return "\(issue) is not located in a file" }
                if let problem = misplaced(path, line: line) { return "\(issue): \(problem)" }
                if column < 1 { return "\(issue): column \(column)" }
                if !issue.description.hasPrefix("\(path):\(line):\(column): ") { return "\(issue) does not start with file:line:column" }
            }
            return nil
        case let .data(error):
            switch error {
            case let .malformedLine(path, line, _), let .duplicateRating(path, line, _, _, _):
                if let problem = misplaced(path, line: line) { return "\(error): \(problem)" }
                return error.description.hasPrefix("\(path):\(line): ") ? nil : "\(error) does not start with path:line:"
            default:
                return "\(error) is not located at a line"
            }
        case let .filter(error):
            let text = String(decoding: input, as: UTF8.self)
            guard (0...text.count).contains(error.position) else { return "\(error): position \(error.position) is outside the expression" }
            return error.description.hasPrefix("--where: ") ? nil : "\(error) does not start with --where:"
        case let .store(error):
            guard case let .unknownField(name, _) = error else { return "store error \(error)" }
            return target == .whereFilter && !name.isEmpty ? nil : "unknown field `\(name)` from \(target.rawValue)"
        case let .unexpected(description):
            return "refused with an error of no located kind: \(description)"
        }
    }
}
