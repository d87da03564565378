import CFCore
import Foundation

/// The SHA-256 checksums that `epochs.checksum` and `parameters.checksum` hold, so that
/// `RunStore.check()` finds a stored byte that changed.
///
/// Each is the lowercase hex SHA-256 of the row's stored bytes, in a form that is easy to
/// recompute outside cflab: an epoch's `metrics` text, one zero byte, then its
/// `step_trace` text (nothing when NULL); a tensor's `shape` text, one zero byte, then its
/// `data` BLOB. SHA-256 rather than a CRC: swift-crypto already provides it (hardware
/// accelerated, far faster than the disk for a tensor's megabytes), and it leaves no doubt
/// that a match means the bytes are the ones written.
enum RowChecksum {
    /// The checksum of an epoch row.
    static func epoch(metrics: Data, stepTrace: Data?) -> String {
        digest(metrics, stepTrace ?? Data())
    }

    /// The checksum of a parameter row.
    static func parameter(shape: Data, data: Data) -> String {
        digest(shape, data)
    }

    private static func digest(_ head: Data, _ tail: Data) -> String {
        var hasher = Hasher256()
        hasher.update(head)
        hasher.update(UInt8(0))
        hasher.update(tail)
        return hasher.finalizeHex()
    }
}
