import CFCore
import Foundation

/// Replaces a report folder as a whole, so that a killed `cflab report` leaves one
/// complete report, never a mix of two.
///
/// The new report is built in a sibling `.<name>.new-<pid>`; `commit` then renames the old
/// folder aside (`.<name>.old-<pid>`), renames the new one in, and removes the old. Only a
/// kill between those two renames leaves no folder under the name; the next report of
/// that name (`init`) puts the old one back first, and removes what dead processes left.
struct FolderSwap {
    /// The folder being replaced.
    let target: URL
    /// Where the new folder is built.
    let building: URL
    /// Where the old folder waits while the new one moves in.
    let aside: URL

    /// Recovers leftovers of killed reports of `target`, then creates an empty `building`.
    init(target: URL) throws {
        self.target = target
        let pid = getpid()
        building = Self.sibling(of: target, kind: "new", pid: pid)
        aside = Self.sibling(of: target, kind: "old", pid: pid)
        Self.recover(target)
        let files = FileManager.default
        if files.fileExists(atPath: building.path) { try files.removeItem(at: building) }
        try files.createDirectory(at: building, withIntermediateDirectories: true)
    }

    /// Moves the finished `building` folder into place and removes the old report.
    func commit() throws {
        let files = FileManager.default
        if files.fileExists(atPath: target.path) { try Self.rename(target, to: aside) }
        FaultPoint.hit("during-report-swap")
        try Self.rename(building, to: target)
        if files.fileExists(atPath: aside.path) { try? files.removeItem(at: aside) }
    }

    /// Removes the unfinished `building` folder (after an error).
    func abandon() {
        try? FileManager.default.removeItem(at: building)
    }

    /// `.<name>.<kind>-<pid>` beside `target`.
    static func sibling(of target: URL, kind: String, pid: pid_t) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(kind)-\(pid)", isDirectory: true)
    }

    /// Puts back an old report that a killed swap left aside (when nothing took its
    /// place), and removes the other leftovers of processes that no longer run.
    static func recover(_ target: URL) {
        let files = FileManager.default
        let parent = target.deletingLastPathComponent()
        guard let names = try? files.contentsOfDirectory(atPath: parent.path) else { return }
        for kind in ["old", "new"] {
            let prefix = ".\(target.lastPathComponent).\(kind)-"
            for name in names.sorted() where name.hasPrefix(prefix) {
                guard let pid = pid_t(name.dropFirst(prefix.count)), !isAlive(pid) else { continue }
                let leftover = parent.appendingPathComponent(name, isDirectory: true)
                if kind == "old" && !files.fileExists(atPath: target.path) && (try? rename(leftover, to: target)) != nil { continue }
                try? files.removeItem(at: leftover)
            }
        }
    }

    /// rename(2): atomic within one file system, and it fails rather than merge folders.
    static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw ReportError.cannotReplace(destination.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Whether a process with this id exists (and is not this one's dead predecessor).
    static func isAlive(_ pid: pid_t) -> Bool {
        pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
