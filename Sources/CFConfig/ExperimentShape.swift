/// What makes a YAML file an experiment file at all: a mapping that states its `version`.
///
/// Files read from disk (the main file and each `base:` file) must pass; text that a
/// program builds and hands to `ConfigLoader.parse(yaml:)` need not state a version.
enum ExperimentShape {
    /// The smallest file cflab runs, as error messages quote it.
    static let minimalFile = "`version: 1` then `data: {source: synthetic}`, one per line"

    /// The problems of `tree`, read from `fileName`; `base` is the location of the
    /// `base:` key that named the file, or nil for the main file.
    static func issues(of tree: MarkedNode, fileName: String, base: ConfigLocation?) -> [ConfigIssue] {
        guard let entries = tree.entries else {
            // The decoder reports a main file that is not a mapping; a base file never reaches it.
            guard let base else { return [] }
            let shape = tree.shortDescription.hasPrefix("'") ? "text" : tree.shortDescription
            return [ConfigIssue(location: base, path: "base",
                                message: "\(fileName) is not an experiment file: its top level is \(shape), "
                                    + "not a mapping that starts with `version: 1`")]
        }
        if entries.isEmpty {
            if let base {
                return [ConfigIssue(location: base, path: "base", message: "\(fileName) is empty; an experiment file starts with `version: 1`")]
            }
            return [ConfigIssue(location: tree.location, path: "",
                                message: "the file is empty; a minimal experiment file is \(minimalFile)")]
        }
        guard tree.entry("version") == nil else { return [] }
        if let base {
            return [ConfigIssue(location: base, path: "base",
                                message: "\(fileName) is not an experiment file: it has no `version: 1`")]
        }
        return [ConfigIssue(location: tree.location, path: "version",
                            message: "missing; an experiment file states `version: 1` (a minimal one is \(minimalFile))")]
    }
}
