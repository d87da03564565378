import Foundation
import CFCore
import Yams

extension MarkedNode {
    /// Parses YAML text into a located tree; malformed YAML becomes one issue with its position.
    ///
    /// An empty document is an empty mapping. `location` names the file, or is `.override`
    /// for the value of a `--set` option. `YAMLBudget` refuses, with the location of the
    /// node at fault, documents nested too deeply, too large once aliases are expanded,
    /// or carrying explicit tags.
    static func parse(yaml: String, fileName: String, override: Bool = false) throws -> MarkedNode {
        let locate: (Mark?) -> ConfigLocation = { mark in
            override ? .override : .file(fileName, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        // Bounded before composing: Yams expands aliases and recurses per level without limits.
        _ = try YAMLBudget.check(yaml) { line, column in
            override ? .override : .file(fileName, line: line, column: column)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConfigError(issues: [syntaxIssue(error, locate: locate)])
        }
        guard let root else { return .emptyMapping(at: locate(nil)) }
        return try convert(root, locate: locate)
    }

    private static func convert(_ node: Node, locate: (Mark?) -> ConfigLocation) throws -> MarkedNode {
        let location = locate(node.mark)
        switch node {
        case let .scalar(scalar):
            let value = scalar.style == .plain ? YAMLScalar.resolve(plain: scalar.string) : .string(scalar.string)
            return MarkedNode(content: .scalar(value, text: scalar.string), location: location)
        case let .sequence(sequence):
            return MarkedNode(content: .sequence(try sequence.map { try convert($0, locate: locate) }), location: location)
        case let .mapping(mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                guard case let .scalar(keyScalar) = key else {
                    throw ConfigError(locate(key.mark), "", "keys must be plain words such as `model`, not lists or mappings")
                }
                entries.append(Entry(key: keyScalar.string, keyLocation: locate(key.mark), value: try convert(value, locate: locate)))
            }
            return MarkedNode(content: .mapping(entries), location: location)
        case .alias:
            throw ConfigError(location, "", "YAML aliases are not supported; write the value out")
        }
    }

    private static func syntaxIssue(_ error: YamlError, locate: (Mark?) -> ConfigLocation) -> ConfigIssue {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return ConfigIssue(location: locate(mark), path: "", message: "invalid YAML: \(problem)\(detail)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigIssue(location: locate(context.mark), path: "", message: "invalid YAML: duplicated key \(keys); write each key once")
        default:
            return ConfigIssue(location: locate(nil), path: "", message: "invalid YAML: \(error)")
        }
    }
}
