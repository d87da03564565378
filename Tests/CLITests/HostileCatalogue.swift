import Foundation

/// The hostile-input catalogue, Catalogue/catalogue.txt: rows of a `cflab` command, what it
/// must do, and the files its folder holds.
///
/// The file's header describes the format; bench/hostile parses the same file the same way,
/// so that the test and the benchmark run the same rows.
struct HostileCatalogue: Sendable {
    /// The groups of rows; every group must have rows.
    static let groups = ["config", "data", "store", "cli"]

    /// The catalogue beside this file.
    static var file: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Catalogue/catalogue.txt")
    }

    /// The row whose run makes the prepared store that `(store)` files copy.
    let prepare: Row
    /// Every other row, in file order.
    let rows: [Row]

    /// What a command must leave of its store.
    enum StoreExpectation: String, Sendable {
        /// The store is not among the row's files and must not exist afterwards.
        case absent
        /// The store is among the row's files and must be unchanged afterwards.
        case unchanged
    }

    /// One row: the arguments after `cflab`, what the run must do, and the files its folder holds.
    struct Row: Sendable {
        var group: String
        var title: String
        /// The catalogue line of the row's `===` header.
        var line: Int
        var words: [String]?
        var exit: Int32?
        /// Fragments stderr must contain.
        var says: [String] = []
        /// Fragments stdout must contain.
        var prints: [String] = []
        /// `FILE:LINE[:COLUMN]` the message must begin with.
        var at: String?
        /// How many lines stderr must hold.
        var lines = 1
        var store: StoreExpectation?
        var files: [File] = []

        /// The value of `--store`, or the default store path.
        var storeArgument: String {
            let words = words ?? []
            for (index, word) in words.enumerated() {
                if word == "--store", index + 1 < words.count { return words[index + 1] }
                if word.hasPrefix("--store=") { return String(word.dropFirst("--store=".count)) }
            }
            return "results/runs.sqlite"
        }

        /// "group: title".
        var label: String { "\(group): \(title)" }
    }

    /// One file of a row.
    struct File: Sendable {
        enum Kind: Sendable, Equatable {
            /// Bytes from the body lines and their directives.
            case bytes
            case folder
            case fifo
            case link(target: String)
            /// A copy of the prepared store; with SQL or a cut, a single file (`cut` bytes kept).
            case store(cut: Int?)
            /// A new SQLite database made by the body's SQL.
            case sqlite
        }

        var name: String
        var kind: Kind
        var line: Int
        /// The body lines, each with its catalogue line number.
        var body: [(line: Int, text: String)] = []

        /// The body as SQL, for `store` and `sqlite` files.
        var sql: String { body.map(\.text).joined(separator: "\n") }
    }

    /// A catalogue line that does not follow the format.
    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses the catalogue `text`.
    init(text: String) throws {
        var parsed: [Row] = []
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var insideFile = false
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.hasPrefix("=== ") {
                parsed.append(try Self.header(line, number: number))
                insideFile = false
            } else if parsed.isEmpty {
                guard line.isEmpty || line.hasPrefix("#") else { throw FormatError(description: "line \(number): text before the first row") }
            } else if line.hasPrefix("--- ") {
                parsed[parsed.count - 1].files.append(try Self.fileHeader(line, number: number))
                insideFile = true
            } else if insideFile {
                let last = parsed.count - 1
                parsed[last].files[parsed[last].files.count - 1].body.append((number, line))
            } else if !line.isEmpty && !line.hasPrefix("#") {
                try Self.field(line, number: number, into: &parsed[parsed.count - 1])
            }
        }
        for rowIndex in parsed.indices {
            for fileIndex in parsed[rowIndex].files.indices {
                while let last = parsed[rowIndex].files[fileIndex].body.last, last.text.isEmpty || last.text.hasPrefix("#") {
                    parsed[rowIndex].files[fileIndex].body.removeLast()
                }
            }
            try Self.validate(parsed[rowIndex])
        }
        let prepares = parsed.filter { $0.group == "prepare" }
        guard prepares.count == 1 else { throw FormatError(description: "expected exactly one prepare row, found \(prepares.count)") }
        let titles = Dictionary(grouping: parsed, by: \.title).filter { $0.value.count > 1 }.keys.sorted()
        guard titles.isEmpty else { throw FormatError(description: "titles used twice: \(titles)") }
        prepare = prepares[0]
        rows = parsed.filter { $0.group != "prepare" }
    }

    /// Reads and parses the catalogue file.
    static func load() throws -> HostileCatalogue {
        try HostileCatalogue(text: String(contentsOf: file, encoding: .utf8))
    }

    // MARK: lines

    private static func header(_ line: String, number: Int) throws -> Row {
        let rest = line.dropFirst(4)
        guard let colon = rest.range(of: ": ") else { throw FormatError(description: "line \(number): expected `=== GROUP: TITLE`") }
        let group = String(rest[..<colon.lowerBound])
        let title = rest[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        guard (groups + ["prepare"]).contains(group), !title.isEmpty else {
            throw FormatError(description: "line \(number): expected `=== GROUP: TITLE` with GROUP one of \(groups.joined(separator: ", ")) or prepare")
        }
        return Row(group: group, title: title, line: number)
    }

    private static func fileHeader(_ line: String, number: Int) throws -> File {
        var name = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
        var kind = File.Kind.bytes
        if name.hasSuffix(")"), let open = name.range(of: " (", options: .backwards) {
            let parts = name[open.upperBound..<name.index(before: name.endIndex)].split(separator: " ").map(String.init)
            name = String(name[..<open.lowerBound])
            switch (parts.first, parts.count) {
            case ("folder", 1): kind = .folder
            case ("fifo", 1): kind = .fifo
            case ("sqlite", 1): kind = .sqlite
            case ("store", 1): kind = .store(cut: nil)
            case ("link", 2): kind = .link(target: parts[1])
            case ("store", 3) where parts[1] == "cut":
                guard let cut = Int(parts[2]) else { throw FormatError(description: "line \(number): a cut is a byte count") }
                kind = .store(cut: cut)
            default: throw FormatError(description: "line \(number): unknown file kind (\(parts.joined(separator: " ")))")
            }
        }
        guard !name.isEmpty else { throw FormatError(description: "line \(number): a file needs a name") }
        return File(name: name, kind: kind, line: number)
    }

    private static func field(_ line: String, number: Int, into row: inout Row) throws {
        guard let colon = line.range(of: ": ") else { throw FormatError(description: "line \(number): expected `key: value`") }
        let value = String(line[colon.upperBound...])
        func integer() throws -> Int {
            guard let integer = Int(value) else { throw FormatError(description: "line \(number): expected a number") }
            return integer
        }
        switch line[..<colon.lowerBound] {
        case "run": row.words = try words(value, number: number)
        case "exit": row.exit = Int32(try integer())
        case "says": row.says.append(value)
        case "prints": row.prints.append(value)
        case "at": row.at = value
        case "lines": row.lines = try integer()
        case "store":
            guard let store = StoreExpectation(rawValue: value) else { throw FormatError(description: "line \(number): store is absent or unchanged") }
            row.store = store
        default: throw FormatError(description: "line \(number): unknown field `\(line[..<colon.lowerBound])`")
        }
    }

    private static func validate(_ row: Row) throws {
        let place = "row `\(row.title)` (line \(row.line))"
        guard row.words != nil, row.exit != nil else { throw FormatError(description: "\(place): needs run: and exit:") }
        guard row.group != "prepare" else { return }
        guard let store = row.store, !(row.says.isEmpty && row.prints.isEmpty) else {
            throw FormatError(description: "\(place): needs store: and says: or prints:")
        }
        let holdsStore = row.files.contains { $0.name == row.storeArgument }
        guard (store == .unchanged) == holdsStore else {
            throw FormatError(description: "\(place): store: \(store.rawValue), but \(row.storeArgument) is \(holdsStore ? "" : "not ")one of its files")
        }
    }

    // MARK: text

    /// `text` split at spaces: '…' quotes literally, "…" quotes with \" and \\, and a
    /// backslash elsewhere escapes the next character.
    static func words(_ text: String, number: Int) throws -> [String] {
        var words: [String] = []
        var word = ""
        var started = false
        var quote: Character?
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch quote {
            case "'":
                if character == "'" { quote = nil } else { word.append(character) }
            case "\"":
                if character == "\"" {
                    quote = nil
                } else if character == "\\", let next = characters.first, next == "\"" || next == "\\" {
                    word.append(next)
                    characters.removeFirst()
                } else {
                    word.append(character)
                }
            default:
                if character == "'" || character == "\"" {
                    quote = character
                    started = true
                } else if character == "\\", let next = characters.popFirst() {
                    word.append(next)
                    started = true
                } else if character == " " {
                    if started { words.append(word) }
                    word = ""
                    started = false
                } else {
                    word.append(character)
                    started = true
                }
            }
        }
        if let quote { throw FormatError(description: "line \(number): unterminated \(quote) quote") }
        if started { words.append(word) }
        return words
    }

    /// The bytes of `text` with \\, \n, \r, \t, \0 and \xHH (one byte) replaced.
    static func unescape(_ text: String, number: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var characters = Array(text)[...]
        let simple: [Character: UInt8] = ["\\": 0x5C, "n": 0x0A, "r": 0x0D, "t": 0x09, "0": 0x00]
        while let character = characters.popFirst() {
            guard character == "\\" else {
                bytes += Array(String(character).utf8)
                continue
            }
            if let next = characters.first, let byte = simple[next] {
                bytes.append(byte)
                characters.removeFirst()
            } else if characters.first == "x", characters.count >= 3, let byte = UInt8(String(characters.dropFirst().prefix(2)), radix: 16) {
                bytes.append(byte)
                characters.removeFirst(3)
            } else {
                throw FormatError(description: "line \(number): bad escape in \(text)")
            }
        }
        return bytes
    }
}
