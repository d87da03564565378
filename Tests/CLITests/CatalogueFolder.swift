import CFCore
import Foundation
import GRDB

/// A catalogue row's folder: its files written as the catalogue describes them, and a
/// snapshot of everything in it, to tell whether a command wrote anything.
struct CatalogueFolder {
    /// The folder the row runs in (its current directory).
    let url: URL
    /// The folder holding the prepared store's entries (`runs.sqlite` and those beside it).
    let preparedStore: URL?

    /// The name of the store the prepare row must leave.
    static let preparedStoreName = "runs.sqlite"

    /// Files over this size are compared by size and modification time, not read.
    static let bigFileBytes = 64 << 20

    /// Writes every file of `row` into the folder.
    func write(_ row: HostileCatalogue.Row) throws {
        let files = FileManager.default
        for file in row.files {
            let path = url.appendingPathComponent(file.name).path
            try files.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            switch file.kind {
            case .bytes: try writeBytes(file, to: path)
            case .folder: try files.createDirectory(atPath: path, withIntermediateDirectories: true)
            case .fifo:
                guard mkfifo(path, 0o644) == 0 else { throw HostileCatalogue.FormatError(description: "\(path): mkfifo failed") }
            case let .link(target): try files.createSymbolicLink(atPath: path, withDestinationPath: target)
            case let .store(cut): try writeStore(file, cut: cut, to: path)
            case .sqlite: try Self.runSQL(file.sql, on: path)
            }
        }
    }

    /// The row's words, each `@NAME` replaced by the text of the row's file NAME.
    func words(of row: HostileCatalogue.Row) throws -> [String] {
        let names = Set(row.files.map(\.name))
        return try (row.words ?? []).map { word in
            guard word.hasPrefix("@"), names.contains(String(word.dropFirst())) else { return word }
            return try String(contentsOf: url.appendingPathComponent(String(word.dropFirst())), encoding: .utf8)
        }
    }

    /// Every entry under the folder, with its state: folders and `-shm` files by presence,
    /// links by target, big files by size and time, other files by SHA-256.
    func snapshot() throws -> [String: String] {
        var entries: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: url.path) {
            entries[path] = try Self.state(of: url.appendingPathComponent(path).path)
        }
        return entries
    }

    // MARK: writing

    private func writeBytes(_ file: HostileCatalogue.File, to path: String) throws {
        var bytes: [UInt8] = []
        var sparse: UInt64?
        for (number, text) in file.body {
            guard sparse == nil else { throw HostileCatalogue.FormatError(description: "line \(number): %sparse must be the file's last line") }
            if text.hasPrefix("%%") {
                bytes += Array(text.dropFirst().utf8) + [0x0A]
            } else if text.hasPrefix("%text ") {
                bytes += try HostileCatalogue.unescape(String(text.dropFirst(6)), number: number)
            } else if text.hasPrefix("%repeat ") {
                let rest = text.dropFirst(8)
                let count = rest.prefix { $0 != " " }
                guard let times = Int(count) else { throw HostileCatalogue.FormatError(description: "line \(number): %repeat needs a count") }
                let piece = try HostileCatalogue.unescape(String(rest.dropFirst(count.count + 1)), number: number)
                bytes.reserveCapacity(bytes.count + piece.count * times)
                for _ in 0..<times { bytes += piece }
            } else if text.hasPrefix("%sparse ") {
                guard let size = UInt64(text.dropFirst(8)) else { throw HostileCatalogue.FormatError(description: "line \(number): %sparse needs a size") }
                sparse = size
            } else if text.hasPrefix("%") {
                throw HostileCatalogue.FormatError(description: "line \(number): unknown directive \(text.prefix { $0 != " " })")
            } else {
                bytes += Array(text.utf8) + [0x0A]
            }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        if let sparse {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: sparse)
            try handle.close()
        }
    }

    private func writeStore(_ file: HostileCatalogue.File, cut: Int?, to path: String) throws {
        guard let preparedStore else { throw HostileCatalogue.FormatError(description: "line \(file.line): no prepared store here") }
        let files = FileManager.default
        let name = Self.preparedStoreName
        if file.sql.isEmpty && cut == nil {
            for entry in try files.contentsOfDirectory(atPath: preparedStore.path).sorted() {
                try files.copyItem(atPath: preparedStore.appendingPathComponent(entry).path, toPath: path + String(entry.dropFirst(name.count)))
            }
            return
        }
        for suffix in ["", "-wal"] where files.fileExists(atPath: preparedStore.appendingPathComponent(name + suffix).path) {
            try files.copyItem(atPath: preparedStore.appendingPathComponent(name + suffix).path, toPath: path + suffix)
        }
        try Self.runSQL(file.sql, on: path)
        if let cut {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(cut))
            try handle.close()
        }
    }

    /// Runs `sql` on the database at `path`, leaving it one file in rollback-journal mode.
    static func runSQL(_ sql: String, on path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            if !sql.isEmpty { try db.execute(sql: sql) }
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try queue.close()
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            throw HostileCatalogue.FormatError(description: "\(path)\(suffix) is left after the SQL")
        }
    }

    // MARK: snapshots

    private static func state(of path: String) throws -> String {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        switch attributes[.type] as? FileAttributeType {
        case .typeSymbolicLink?: return "link to " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
        case .typeDirectory?: return "folder"
        case .typeRegular?: break
        default: return "special file"
        }
        if path.hasSuffix("-shm") { return "present" }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > bigFileBytes {
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(size) bytes, modified \(modified)"
        }
        return Digest.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
