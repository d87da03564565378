import CFCore
import Foundation

/// Reads experiment files: YAML with `base:` inheritance and `--set` overrides, fully validated.
///
/// Every problem of a file is reported at once in one `ConfigError`, one line per issue
/// in the form `file:line:column: key.path: message`.
public enum ConfigLoader {
    /// Loads the file at `path`. `overrides` are `key.path=value` strings from `--set`;
    /// each value is read as YAML (`0.3`, `1e-3`, `{user: 0.3, item: 0.6}`, `[16, 64]`)
    /// and replaces the whole value at that path.
    ///
    /// A file read from disk, and every `base:` file, must state `version: 1`, and is
    /// refused before parsing when it is not a regular UTF-8 text file of at most
    /// `ConfigLimits.maximumFileBytes` bytes without NUL bytes.
    public static func load(path: String, overrides: [String] = []) throws -> ExperimentFile {
        try parse(yaml: try ConfigFileReader.read(path, from: nil), fileName: path, overrides: overrides, requiresVersion: true)
    }

    /// Parses YAML text as if it were the file `fileName` (a `base:` is read relative to it).
    ///
    /// Text built by a program (a stored config, a built-in experiment) may leave out
    /// `version`; `load(path:)` requires it of files.
    public static func parse(yaml: String, fileName: String, overrides: [String] = []) throws -> ExperimentFile {
        try parse(yaml: yaml, fileName: fileName, overrides: overrides, requiresVersion: false)
    }

    private static func parse(yaml: String, fileName: String, overrides: [String], requiresVersion: Bool) throws -> ExperimentFile {
        let own = try MarkedNode.parse(yaml: yaml, fileName: fileName)
        var issues = requiresVersion ? ExperimentShape.issues(of: own, fileName: fileName, base: nil) : []
        var tree = try resolvedTree(own, fileName: fileName, chain: [standardized(fileName)])
        tree = try applying(overrides, to: tree)
        let sweepNode = tree["sweep"]
        var runTree = tree.removing("sweep")
        let stem = URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
        let defaultName = stem.isEmpty ? "experiment" : stem
        if sweepNode != nil { runTree = renamed(runTree, defaultName: defaultName, overrides: overrides) }
        var decoder = ConfigDecoder(mainFile: fileName, mode: sweepNode == nil ? .singleRun : .sweepTrial)
        let config = decoder.decode(runTree, defaultName: defaultName)
        issues += decoder.issues
        var sweep: SweepSpec?
        if let sweepNode {
            var sweepDecoder = SweepDecoder(base: config)
            sweep = sweepDecoder.decode(sweepNode)
            issues += sweepDecoder.issues
        }
        guard issues.isEmpty else { throw ConfigError(issues: ordered(issues, mainFile: fileName)) }
        return ExperimentFile(path: fileName, config: config, sweep: sweep, tree: runTree)
    }

    /// A sweep's tree with the name `sweepName` gives it under `overrides` (every trial
    /// decodes its name from the tree). A name that is not text is left for the decoder.
    private static func renamed(_ tree: MarkedNode, defaultName: String, overrides: [String]) -> MarkedNode {
        let node = tree["name"]
        let name: String
        switch node?.content {
        case nil: name = defaultName
        case let .scalar(.string(text), _)?: name = text
        default: return tree
        }
        let newName = sweepName(name, overrides: overrides)
        guard newName != name else { return tree }
        let location = node?.location ?? tree.location
        return tree.setting(path: ["name"], to: MarkedNode(json: .string(newName), at: location), keyLocation: location)
    }

    /// The name of a sweep run with `--set` overrides: its own identity, `NAME+<8 hex>` of
    /// the overrides, so that its runs never join the file's sweep (where compare would
    /// treat them as more seeds of the same trials). `--set name=...` chooses it instead.
    public static func sweepName(_ name: String, overrides: [String]) -> String {
        guard !overrides.isEmpty, !overrides.contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("name=") }) else { return name }
        return name + "+" + Digest.sha256Hex(overrides.joined(separator: "\n")).prefix(8)
    }

    /// The file's tree with its `base` chain merged underneath (this file wins).
    private static func resolvedTree(_ tree: MarkedNode, fileName: String, chain: [String]) throws -> MarkedNode {
        guard let baseEntry = tree.entry("base") else { return tree }
        let own = tree.removing("base")
        if case .scalar(.null, _) = baseEntry.value.content { return own }
        let location = baseEntry.value.location
        guard case let .scalar(.string(relative), _) = baseEntry.value.content, !relative.isEmpty else {
            throw ConfigError(location, "base", "expected the path of another experiment file, got \(baseEntry.value.shortDescription)")
        }
        if let problem = PrintableText.problem(in: relative, allowing: []) {
            throw ConfigError(location, "base", "must be the printable path of another experiment file; \(problem)")
        }
        guard [".yaml", ".yml"].contains(where: relative.lowercased().hasSuffix) else {
            throw ConfigError(location, "base", "'\(relative)' is not a .yaml or .yml file; base names another experiment file")
        }
        let folder = (fileName as NSString).deletingLastPathComponent
        let basePath = relative.hasPrefix("/") || folder.isEmpty ? relative : folder + "/" + relative
        let key = standardized(basePath)
        if chain.contains(key) {
            let names = (chain + [key]).map { URL(fileURLWithPath: $0).lastPathComponent }
            throw ConfigError(location, "base", "inheritance cycle \(names.joined(separator: " -> ")); remove one of the base: keys")
        }
        let text = try ConfigFileReader.read(basePath, from: location)
        let parent = try MarkedNode.parse(yaml: text, fileName: basePath)
        let shapeIssues = ExperimentShape.issues(of: parent, fileName: basePath, base: location)
        guard shapeIssues.isEmpty else { throw ConfigError(issues: shapeIssues) }
        return own.merged(over: try resolvedTree(parent, fileName: basePath, chain: chain + [key]))
    }

    private static func applying(_ overrides: [String], to tree: MarkedNode) throws -> MarkedNode {
        var tree = tree
        var issues: [ConfigIssue] = []
        for override in overrides {
            guard let equals = override.firstIndex(of: "="), equals != override.startIndex else {
                issues.append(ConfigIssue(location: .override, path: "", message: "expected key.path=value, got '\(override)'"))
                continue
            }
            let path = String(override[..<equals])
            guard ConfigSchema.settablePaths.contains(path) else {
                issues.append(ConfigIssue(location: .override, path: path,
                                          message: ConfigSchema.unknownPathMessage(path, among: ConfigSchema.settablePaths)))
                continue
            }
            do {
                let value = try MarkedNode.parse(yaml: String(override[override.index(after: equals)...]), fileName: "--set", override: true)
                let node = value.entries?.isEmpty == true && override.hasSuffix("=")
                    ? MarkedNode(json: .null, at: .override) : value
                tree = tree.setting(path: path.split(separator: ".").map(String.init), to: node, keyLocation: .override)
            } catch let error as ConfigError {
                issues += error.issues.map { ConfigIssue(location: $0.location, path: path, message: $0.message) }
            }
        }
        guard issues.isEmpty else { throw ConfigError(issues: issues) }
        return tree
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Issues of the main file first, in line order, then those of base files, then `--set`.
    static func ordered(_ issues: [ConfigIssue], mainFile: String) -> [ConfigIssue] {
        var seen: Set<String> = []
        let unique = issues.filter { seen.insert($0.description).inserted }
        func rank(_ issue: ConfigIssue) -> (Int, Int, Int) {
            switch issue.location {
            case .override: return (2, 0, 0)
            case let .file(name, line, column): return (name == mainFile ? 0 : 1, line, column)
            }
        }
        return unique.enumerated().sorted { lhs, rhs in
            let (a, b) = (rank(lhs.element), rank(rhs.element))
            return a != b ? a < b : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
