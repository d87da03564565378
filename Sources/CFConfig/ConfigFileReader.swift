import Foundation

/// Reads an experiment file's text, refusing what cannot be one before any parsing.
///
/// A file must be a regular file (not a folder, device or pipe) of at most
/// `ConfigLimits.maximumFileBytes` bytes, hold no NUL byte and be valid UTF-8. At most
/// one byte more than the limit is ever read, whatever the file claims its size is.
enum ConfigFileReader {
    /// The text of `path`. `location` is the `base:` key that named the file, or nil for
    /// the main file; problems are reported there (and under the key `base`).
    static func read(_ path: String, from location: ConfigLocation?) throws -> String {
        let role = "experiment file"
        func failure(_ message: String, at place: ConfigLocation? = nil) -> ConfigError {
            ConfigError(place ?? location ?? .file(path, line: 1, column: 1), location == nil ? "" : "base", message)
        }
        var flag: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &flag) else {
            throw failure("cannot read \(role) \(path): no such file")
        }
        if flag.boolValue { throw failure("cannot read \(role) \(path): it is a folder, not a YAML file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw failure("cannot read \(role) \(path): it is not a regular file (a device, pipe or socket)")
        }
        let limit = ConfigLimits.maximumFileBytes
        if let size = attributes?[.size] as? Int, size > limit {
            throw failure("\(role) \(path) is \(size) bytes, over the limit of \(limit) bytes (1 MiB)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw failure("cannot read \(role) \(path): permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw failure("cannot read \(role) \(path): \(error.localizedDescription)")
        }
        if data.count > limit {
            throw failure("\(role) \(path) is more than \(limit) bytes, over the limit (1 MiB)")
        }
        let bytes = [UInt8](data)
        if let offset = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: offset, in: bytes)
            throw failure("\(role) \(path) holds a NUL byte at line \(line), column \(column): it is binary data, not YAML text",
                          at: location == nil ? .file(path, line: line, column: column) : nil)
        }
        if let offset = firstInvalidUTF8(bytes) {
            let (line, column) = position(of: offset, in: bytes)
            throw failure("\(role) \(path) is not UTF-8 text (invalid byte at line \(line), column \(column))",
                          at: location == nil ? .file(path, line: line, column: column) : nil)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The 1-based line and byte column of `offset`.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
