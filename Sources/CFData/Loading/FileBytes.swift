import Foundation

/// The bytes of a file, mapped into memory read-only, with a way to hand parts back.
///
/// A mapped file's pages count towards the process's resident memory while they stay
/// mapped; a parser that is done with a part calls `release(_:)`, and the system drops
/// those pages (a later read of them maps them again from the file, so nothing is lost).
/// When the system does not map the file, it is read as Foundation reads it, and
/// `release(_:)` does nothing.
struct FileBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Whether `bytes` is this process's private read-only mapping of the file.
    private let isMapped: Bool

    private init(bytes: UnsafeBufferPointer<UInt8>, isMapped: Bool) {
        self.bytes = bytes
        self.isMapped = isMapped
    }

    /// Runs `body` over the bytes of the file at `path`, then unmaps them.
    ///
    /// Errors are those of `Data(contentsOf:)`, which reads the file when `mmap` cannot:
    /// `missing` when there is nothing at `path`, otherwise `unreadable` with its reason.
    /// An empty regular file is an empty buffer without reading it: on Linux, Foundation
    /// reads a file of size 0 into a 4 KiB buffer that the empty `Data` never frees (found
    /// by `bench/fuzz`'s LeakSanitizer, crashes/ml-100k).
    static func withContents<Result>(of path: String, _ body: (FileBytes) throws -> Result) throws -> Result {
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
           attributes[.type] as? FileAttributeType == .typeRegular, attributes[.size] as? Int == 0 {
            return try body(FileBytes(bytes: UnsafeBufferPointer(start: nil, count: 0), isMapped: false))
        }
        if let mapped = map(path) {
            defer { munmap(UnsafeMutableRawPointer(mutating: mapped.baseAddress), mapped.count) }
            return try body(FileBytes(bytes: mapped, isMapped: true))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: [.alwaysMapped])
        } catch {
            guard FileManager.default.fileExists(atPath: path) else {
                throw DataError.missing(path: path, hint: "check the data folder or `data.path`")
            }
            throw DataError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        return try data.withUnsafeBytes { raw in try body(FileBytes(bytes: raw.bindMemory(to: UInt8.self), isMapped: false)) }
    }

    /// The file mapped privately and read-only, or nil when it cannot be opened, is
    /// empty or is not mapped.
    private static func map(_ path: String) -> UnsafeBufferPointer<UInt8>? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { return nil }
        let count = Int(status.st_size)
        guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Lets the system drop from memory the whole pages inside `range` of `bytes`.
    func release(_ range: Range<Int>) {
        guard isMapped, let base = bytes.baseAddress, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = UInt(bitPattern: base + range.lowerBound), end = UInt(bitPattern: base + range.upperBound)
        let first = (start + UInt(page) - 1) / UInt(page) * UInt(page), last = end / UInt(page) * UInt(page)
        guard last > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, Int(last - first), Int32(MADV_DONTNEED))
    }
}
