@testable import CFConfig
import Foundation
import XCTest

/// Hostile and malformed experiment files: each row is refused with a located message.
///
/// Every row is written to a fresh folder as `h.yaml` (with any other files it names) and
/// loaded with `ConfigLoader.load(path:)`, the path `cflab run` and `cflab plan` take.
/// Bounds are asserted as counts (`YAMLBudget.Counts`), never as times.
final class HostileConfigTests: XCTestCase {
    struct Row {
        var label: String
        /// The bytes of `h.yaml`; nil makes `h.yaml` a folder.
        var bytes: [UInt8]?
        /// Other files of the folder (nil contents: a folder).
        var files: [String: [UInt8]?] = [:]
        var overrides: [String] = []
        /// `h.yaml:line:column`, `--set`, or another file's `name:line:column`.
        var location: String
        var fragment: String

        init(_ label: String, _ text: String, at location: String, _ fragment: String,
             files: [String: [UInt8]?] = [:], overrides: [String] = []) {
            self.label = label
            self.bytes = Array(text.utf8)
            self.location = location
            self.fragment = fragment
            self.files = files
            self.overrides = overrides
        }

        init(_ label: String, bytes: [UInt8]?, at location: String, _ fragment: String) {
            self.label = label
            self.bytes = bytes
            self.location = location
            self.fragment = fragment
        }
    }

    /// `version: 1`, a synthetic source, then `rest`.
    static func file(_ rest: String) -> String {
        "version: 1\ndata: {source: synthetic}\n" + rest
    }

    /// Nested aliases: level 0 is ten scalars, each later level ten aliases of the one before.
    static func laughs(levels: Int, under key: String = "tags") -> String {
        var text = "version: 1\n\(key):\n  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1..<levels {
            text += "  - &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }

    static func text(_ string: String) -> [UInt8]? { Array(string.utf8) }

    static let rows: [Row] = [
        // What a file must be.
        Row("empty file", "", at: "h.yaml:1:1", "the file is empty; a minimal experiment file is `version: 1` then `data: {source: synthetic}`"),
        Row("comments only", "# nothing here\n", at: "h.yaml:1:1", "the file is empty"),
        Row("empty mapping", "{}\n", at: "h.yaml:1:1", "the file is empty"),
        Row("no version", "data: {source: synthetic}\n", at: "h.yaml:1:1", "version: missing; an experiment file states `version: 1`"),
        Row("a list, not a mapping", "- version: 1\n", at: "h.yaml:1:1", "expected a mapping with keys version, name"),
        Row("two documents", "version: 1\n---\nversion: 1\n", at: "h.yaml:2:1", "invalid YAML"),
        Row("unsupported version", "version: 2\n", at: "h.yaml:1:10", "version: unsupported version 2"),
        Row("folder, not a file", bytes: nil, at: "h.yaml:1:1", "it is a folder, not a YAML file"),
        Row("over 1 MiB", "version: 1\n" + String(repeating: "#", count: 1 << 20) + "\n", at: "h.yaml:1:1",
            "is 1048588 bytes, over the limit of 1048576 bytes (1 MiB)"),
        Row("NUL byte", bytes: Array("version: 1\nname: a\0b\n".utf8), at: "h.yaml:2:8", "holds a NUL byte at line 2, column 8"),
        Row("all NUL", bytes: [UInt8](repeating: 0, count: 4096), at: "h.yaml:1:1", "holds a NUL byte at line 1, column 1"),
        Row("not UTF-8", bytes: Array("version: 1\nname: caf".utf8) + [0xE9, 0x0A], at: "h.yaml:2:10", "is not UTF-8 text"),

        // Parsing bounds (see also the counts below).
        Row("billion laughs", laughs(levels: 9), at: "h.yaml:6:45", "aliases expand to more than 10000 nodes (at *l2)"),
        Row("ten levels under tags", laughs(levels: 10), at: "h.yaml:6:45", "aliases expand to more than 10000 nodes"),
        Row("laughs under description", laughs(levels: 6, under: "description"), at: "h.yaml:6:45", "aliases expand to more than 10000 nodes"),
        Row("flow nesting 100 deep", "version: 1\ntags: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n",
            at: "h.yaml:2:70", "nesting is deeper than 64 levels"),
        Row("block nesting 70 deep", "version: 1\ntags:\n" + String(repeating: "- ", count: 70) + "x\n",
            at: "h.yaml:3:127", "nesting is deeper than 64 levels"),
        Row("100,001 nodes", "version: 1\ntags: [" + Array(repeating: "t", count: 100_001).joined(separator: ",") + "]\n",
            at: "h.yaml:2:199998", "the document has more than 100000 nodes"),
        Row("python object tag", file("model: !!python/object:os.system {kind: dot}\n"), at: "h.yaml:3:8",
            "YAML tags such as !!python/object:os.system are not accepted"),
        Row("explicit str tag", file("seed: !!str 5\n"), at: "h.yaml:3:7", "YAML tags such as !!str are not accepted"),
        Row("local tag on a list", file("tags: !mine [a]\n"), at: "h.yaml:3:7", "YAML tags such as !mine are not accepted"),
        Row("tag in --set", file(""), at: "--set", "YAML tags such as !!int are not accepted", overrides: ["seed=!!int 3"]),

        // base: must be another experiment file.
        Row("base /etc/passwd", file("base: /etc/passwd\n"), at: "h.yaml:3:7", "base: '/etc/passwd' is not a .yaml or .yml file"),
        Row("base a number", file("base: 42\n"), at: "h.yaml:3:7", "base: expected the path of another experiment file, got '42'"),
        Row("base a list", file("base: [b.yaml]\n"), at: "h.yaml:3:7", "base: expected the path of another experiment file, got a list"),
        Row("base empty text", file("base: ''\n"), at: "h.yaml:3:7", "base: expected the path of another experiment file, got ''"),
        Row("base a word", file("base: defaults\n"), at: "h.yaml:3:7", "base: 'defaults' is not a .yaml or .yml file"),
        Row("base a folder", file("base: dir.yaml\n"), at: "h.yaml:3:7", "base: cannot read experiment file", files: ["dir.yaml": nil]),
        Row("base a YAML list", file("base: list.yaml\n"), at: "h.yaml:3:7", "list.yaml is not an experiment file: its top level is a list",
            files: ["list.yaml": text("- 1\n- 2\n")]),
        Row("base plain text", file("base: words.yaml\n"), at: "h.yaml:3:7", "words.yaml is not an experiment file: its top level is text",
            files: ["words.yaml": text("root:x:0:0:root:/root:/bin/bash\n")]),
        Row("base without version", file("base: old.yaml\n"), at: "h.yaml:3:7", "old.yaml is not an experiment file: it has no `version: 1`",
            files: ["old.yaml": text("seed: 3\n")]),
        Row("base empty", file("base: none.yaml\n"), at: "h.yaml:3:7", "none.yaml is empty", files: ["none.yaml": text("")]),
        Row("base with NUL", file("base: bin.yaml\n"), at: "h.yaml:3:7", "bin.yaml holds a NUL byte at line 1, column 3",
            files: ["bin.yaml": [0x61, 0x62, 0x00]]),
        Row("base with a NUL in its path", file("base: \"a\\0.yaml\"\n"), at: "h.yaml:3:7", "base: must be the printable path of another experiment file; found U+0000"),
        Row("NUL in data.path", "version: 1\ndata: {source: movielens, path: \"d\\0\"}\n", at: "h.yaml:2:33", "data.path: must be printable text; found U+0000"),
        Row("newline in data.name", "version: 1\ndata: {source: movielens, name: \"ml\\n100k\"}\n", at: "h.yaml:2:33", "data.name: must be printable text; found U+000A"),
        Row("base with laughs", file("base: lol.yaml\n"), at: "lol.yaml:6:45", "aliases expand to more than 10000 nodes",
            files: ["lol.yaml": text(laughs(levels: 9))]),

        // Names and tags: printable text only.
        Row("NUL in name", file("name: \"a\\0b\"\n"), at: "h.yaml:3:7", "name: must be printable text; found U+0000 (a control character) at character 2"),
        Row("escape in name", file("name: \"\\e[31mred\"\n"), at: "h.yaml:3:7", "name: must be printable text; found U+001B"),
        Row("tab in name", file("name: \"a\\tb\"\n"), at: "h.yaml:3:7", "found U+0009 (a control character)"),
        Row("line separator in name", file("name: \"a\\Lb\"\n"), at: "h.yaml:3:7", "found U+2028 (a line separator)"),
        Row("bidi override in name", file("name: \"abc\\u202Edef\"\n"), at: "h.yaml:3:7", "found U+202E (an invisible formatting character) at character 4"),
        Row("empty name", file("name: ''\n"), at: "h.yaml:3:7", "name: must not be empty"),
        Row("name too long", file("name: " + String(repeating: "n", count: 201) + "\n"), at: "h.yaml:3:7", "name: must be at most 200 characters, got 201"),
        Row("empty tag", file("tags: [a, '']\n"), at: "h.yaml:3:11", "tags: must not be empty"),
        Row("NUL in tag", file("tags: [ok, \"x\\0\"]\n"), at: "h.yaml:3:12", "tags: must be printable text; found U+0000"),
        Row("DEL in tag", file("tags: [\"x\\x7F\"]\n"), at: "h.yaml:3:8", "found U+007F (a control character)"),
        Row("65 tags", file("tags: [" + (1...65).map { "t\($0)" }.joined(separator: ", ") + "]\n"), at: "h.yaml:3:7", "tags: at most 64 tags"),
        Row("NUL in description", file("description: \"x\\0y\"\n"), at: "h.yaml:3:14", "description: must be printable text"),
        Row("NUL in a --set name", file(""), at: "--set", "name: must be printable text; found U+0000", overrides: ["name=\"a\\0\""]),
        Row("sweep name with ESC", file("name: \"sw\\e\"\nsweep: {parameters: {seed: [1]}}\n"), at: "h.yaml:3:7", "name: must be printable text"),
        Row("ESC in an unknown key", file("\"\\e[31mred\": 1\n"), at: "h.yaml:3:1", "<U+001B>[31mred: unknown key"),
        Row("ESC in a --set key", file(""), at: "--set", "<U+001B>[2J: unknown key", overrides: ["\u{1B}[2J=1"]),

        // What a sweep may not vary.
        Row("sweeping name", file("sweep:\n  parameters:\n    name: [a, b]\n"), at: "h.yaml:5:5",
            "sweep.parameters.name: cannot be swept: a sweep has one name"),
        Row("sweeping version", file("sweep:\n  parameters:\n    version: [1, 2]\n"), at: "h.yaml:5:5",
            "sweep.parameters.version: cannot be swept: the schema version belongs to the file"),
        Row("sweeping base", file("sweep:\n  parameters:\n    base: [a.yaml, b.yaml]\n"), at: "h.yaml:5:5",
            "sweep.parameters.base: cannot be swept: the base file is merged before the sweep expands"),

        // Absurd counts: the key and the documented maximum.
        Row("epochs 1e12", file("training: {epochs: 1000000000000}\n"), at: "h.yaml:3:20",
            "training.epochs: must be at most 10000 (cflab's limit, see docs/config.md), got 1000000000000"),
        Row("batch size 1e12", file("training: {batch_size: 1e12}\n"), at: "h.yaml:3:24", "training.batch_size: must be at most 1048576"),
        Row("embedding dim 1e9", file("model: {embedding_dim: 1000000000}\n"), at: "h.yaml:3:24", "model.embedding_dim: must be at most 4096"),
        Row("per-side width", file("model: {kind: nn, embedding_dim: {user: 5000, item: 8}}\n"), at: "h.yaml:3:41",
            "model.embedding_dim.user: must be at most 4096"),
        Row("layer 1e11 wide", file("model: {kind: nn, layers: [100000000000]}\n"), at: "h.yaml:3:28", "model.layers: must be at most 8192"),
        Row("17 layers", file("model: {kind: nn, layers: [" + Array(repeating: "8", count: 17).joined(separator: ", ") + "]}\n"),
            at: "h.yaml:3:27", "model.layers: at most 16 hidden layers (cflab's limit), got 17"),
        Row("threads 1e5", file("training: {threads: 100000}\n"), at: "h.yaml:3:21", "training.threads: must be at most 256"),
        Row("patience 1e30", file("training: {early_stopping: {patience: 1e30}}\n"), at: "h.yaml:3:39",
            "training.early_stopping.patience: must be at most 10000"),
        Row("folds 1e6", file("split: {kind: kfold, folds: 1000000}\n"), at: "h.yaml:3:29", "split.folds: must be at most 100"),
        Row("ranking k 1e5", file("evaluation: {ranking: {k: [10, 100000]}}\n"), at: "h.yaml:3:32", "evaluation.ranking.k: must be at most 1000"),
        Row("synthetic users 1e9", "version: 1\ndata: {source: synthetic, synthetic: {users: 1e9}}\n", at: "h.yaml:2:46",
            "data.synthetic.users: must be at most 500000"),
        Row("synthetic rank 1000", "version: 1\ndata: {source: synthetic, synthetic: {rank: 1000}}\n", at: "h.yaml:2:45",
            "data.synthetic.rank: must be at most 64"),
        Row("sweep repeats 1e12", file("sweep: {parameters: {model.dropout: [0.1]}, repeats: 1000000000000}\n"), at: "h.yaml:3:54",
            "sweep.repeats: must be at most 1000"),
        Row("sweep samples 1e9", file("sweep: {method: random, samples: 1e9, parameters: {model.dropout: [0.1]}}\n"), at: "h.yaml:3:34",
            "sweep.samples: must be at most 100000"),
        Row("seed 1e30", file("seed: 1e30\n"), at: "h.yaml:3:7", "seed: must be below 9e18, got 1e30"),
        Row("epochs via --set", file(""), at: "--set", "training.epochs: must be at most 10000", overrides: ["training.epochs=1e13"]),

        // data.rating_range.
        Row("rating range reversed", "version: 1\ndata: {source: synthetic, rating_range: [5, 1]}\n",
            at: "h.yaml:2:41", "data.rating_range: the low end must be below the high end"),
        Row("rating range of one", "version: 1\ndata: {rating_range: [1]}\n", at: "h.yaml:2:22", "data.rating_range: expected a list of 2 values, got 1"),
        Row("rating range text", "version: 1\ndata: {rating_range: stars}\n", at: "h.yaml:2:22", "data.rating_range: expected a list such as [1, 2], got 'stars'"),
    ]

    func testEveryRowIsRefusedWithItsLocationAndMessage() throws {
        XCTAssertGreaterThanOrEqual(Self.rows.count, 50)
        for row in Self.rows {
            let folder = NSTemporaryDirectory() + "cfhostile-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            for (name, contents) in row.files {
                try write(contents, to: folder + "/" + name)
            }
            let path = folder + "/h.yaml"
            try write(row.bytes, to: path)
            let prefix = row.location == "--set" ? "--set: " : "\(folder)/\(row.location): "
            do {
                _ = try ConfigLoader.load(path: path, overrides: row.overrides)
                XCTFail("\(row.label): accepted")
            } catch let error as ConfigError {
                let lines = error.issues.map(\.description)
                XCTAssertTrue(lines.contains { $0.hasPrefix(prefix) && $0.contains(row.fragment) },
                              "\(row.label): expected \(prefix)…\(row.fragment)…, got \(lines)")
            }
        }
    }

    private func write(_ bytes: [UInt8]?, to path: String) throws {
        if let bytes {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } else {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
    }

    // MARK: Bounds as counts

    private func counts(_ yaml: String) throws -> YAMLBudget.Counts {
        try YAMLBudget.check(yaml) { .file("c.yaml", line: $0, column: $1) }
    }

    func testAliasesAreCountedAsTheirExpansionWithoutBuildingIt() throws {
        // Levels of 11, 111 and 1,111 nodes: the aliases add 110 + 1,110.
        let three = try counts(Self.laughs(levels: 3))
        XCTAssertEqual(three, YAMLBudget.Counts(nodes: 1 + 2 + 1 + 1 + 11 + 111 + 1_111, aliasNodes: 110 + 1_110, depth: 5))
        // The fourth level would add 11,110 more: refused at the eighth alias, where the
        // total first passes 10,000 (1,220 + 8 · 1,111 = 10,108).
        XCTAssertThrowsError(try counts(Self.laughs(levels: 4))) { error in
            XCTAssertEqual((error as? ConfigError)?.description,
                           "c.yaml:6:45: aliases expand to more than 10000 nodes (at *l2); write the values out instead of nesting aliases")
        }
        // A billion laughs is refused at the same alias: the work done is the same.
        XCTAssertThrowsError(try counts(Self.laughs(levels: 10)))
    }

    func testAnAliasOfAScalarCountsOneNode() throws {
        let yaml = "version: 1\nname: &n x\ndescription: *n\n"
        XCTAssertEqual(try counts(yaml), YAMLBudget.Counts(nodes: 7, aliasNodes: 1, depth: 1))
        XCTAssertEqual(try ConfigLoader.parse(yaml: yaml, fileName: "a.yaml").config.description, "x")
    }

    func testNestingUpToTheLimitIsAcceptedAndOneMoreIsRefused() throws {
        // The top-level mapping is depth 1, so 63 brackets reach depth 64.
        func nested(_ depth: Int) -> String {
            "tags: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        }
        XCTAssertEqual(try counts(nested(63)).depth, 64)
        XCTAssertThrowsError(try counts(nested(64))) { error in
            XCTAssertEqual((error as? ConfigError)?.issues.first?.location, .file("c.yaml", line: 1, column: 70))
        }
        // Aliases count the height of what they expand.
        let aliased = "a: &a " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
            + "\nb: " + String(repeating: "[", count: 23) + "*a" + String(repeating: "]", count: 23) + "\n"
        XCTAssertEqual(try counts(aliased).depth, 64)
        XCTAssertThrowsError(try counts(aliased.replacingOccurrences(of: "b: [", with: "b: [[")))
    }

    func testNodeCountUpToTheLimit() throws {
        let list = { (count: Int) in "tags: [" + Array(repeating: "t", count: count).joined(separator: ",") + "]\n" }
        // The mapping, the key and the list are three nodes.
        XCTAssertEqual(try counts(list(ConfigLimits.maximumDocumentNodes - 3)).nodes, ConfigLimits.maximumDocumentNodes)
        XCTAssertThrowsError(try counts(list(ConfigLimits.maximumDocumentNodes - 2)))
    }

    func testFileSizeUpToTheLimitIsRead() throws {
        let folder = NSTemporaryDirectory() + "cfhostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let head = "version: 1\n#"
        let exact = head + String(repeating: "x", count: ConfigLimits.maximumFileBytes - head.utf8.count - 1) + "\n"
        XCTAssertEqual(exact.utf8.count, ConfigLimits.maximumFileBytes)
        try exact.write(toFile: folder + "/max.yaml", atomically: true, encoding: .utf8)
        XCTAssertNoThrow(try ConfigLoader.load(path: folder + "/max.yaml"))
        try (exact + "\n").write(toFile: folder + "/over.yaml", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ConfigLoader.load(path: folder + "/over.yaml"))
    }

    func testDevicesAreRefusedWithoutReadingThem() throws {
        guard FileManager.default.fileExists(atPath: "/dev/zero") else { return }
        XCTAssertThrowsError(try ConfigLoader.load(path: "/dev/zero")) { error in
            XCTAssertEqual((error as? ConfigError)?.description,
                           "/dev/zero:1:1: cannot read experiment file /dev/zero: it is not a regular file (a device, pipe or socket)")
        }
    }

    func testRatingRangeRoundTripsAndStaysOutOfTheTrialKey() throws {
        let plain = try ConfigLoader.parse(yaml: "data: {source: synthetic}\n", fileName: "a.yaml").config
        var ranged = try ConfigLoader.parse(yaml: "data: {source: synthetic, rating_range: [1, 5]}\n", fileName: "a.yaml").config
        XCTAssertEqual(ranged.data.ratingRange, 1...5)
        XCTAssertNil(ResolvedConfig.json(plain)["data"]?["rating_range"])
        let resolved = ResolvedConfig.json(ranged)
        XCTAssertEqual(resolved["data"]?["rating_range"], .array([.double(1), .double(5)]))
        XCTAssertEqual(try ConfigLoader.parse(yaml: resolved.canonical, fileName: "r.json").config, ranged)
        XCTAssertEqual(TrialKey.compute(config: ranged, dataFingerprint: "f"), TrialKey.compute(config: plain, dataFingerprint: "f"))
        ranged.data.ratingRange = nil
        XCTAssertEqual(ranged, plain)
    }

    func testAFileWhoseNameIsNotPrintableMustStateOne() throws {
        let folder = NSTemporaryDirectory() + "cfhostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tab\tname.yaml"
        try "version: 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ConfigLoader.load(path: path)) { error in
            XCTAssertEqual((error as? ConfigError)?.description,
                           "\(path):1:1: name: the file's name is not printable text (found U+0009 (a control character) at character 4); state `name:`")
        }
        try "version: 1\nname: tabs\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ConfigLoader.load(path: path).config.name, "tabs")
    }

    func testWholeFloatsCountAsWholeNumbers() throws {
        let config = try ConfigLoader.parse(yaml: "data: {synthetic: {ratings: 1e4}}\ntraining: {epochs: 2.0}\n", fileName: "a.yaml").config
        XCTAssertEqual(config.data.synthetic.ratings, 10_000)
        XCTAssertEqual(config.training.epochs, 2)
    }
}
