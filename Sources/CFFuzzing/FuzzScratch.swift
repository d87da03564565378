import Foundation

/// The folder the fuzz entries write their inputs into: one per process, removed at exit.
///
/// It lives in the temporary directory (`$TMPDIR`, which `bench/fuzz/run` points at
/// `/dev/shm`). Each target writes under its own subfolder and reuses the same file names
/// for every input, so a run never fills the disk.
enum FuzzScratch {
    /// The per-process folder, named on first use (and created by `folder(_:)`).
    static let root: String = {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("cflab-fuzz-\(getpid())-\(UUID().uuidString)")
        atexit { FuzzScratch.removeRoot() }
        return folder
    }()

    /// The folder of `target`, created when missing.
    static func folder(_ target: String) throws -> String {
        let folder = (root as NSString).appendingPathComponent(target)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes the named files into `folder` and removes the other `names` there, so that
    /// each input sees exactly its own files.
    static func lay(_ files: [String: [UInt8]], among names: [String], in folder: String) throws {
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            if let bytes = files[name] {
                try Data(bytes).write(to: URL(fileURLWithPath: path))
            } else if FileManager.default.fileExists(atPath: path) {
                try FileManager.default.removeItem(atPath: path)
            }
        }
    }

    /// Removes the per-process folder.
    private static func removeRoot() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
