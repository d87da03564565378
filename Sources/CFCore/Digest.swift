import Crypto
import Foundation

/// SHA-256 helpers: one-shot hex digests and an incremental hasher for large inputs.
public enum Digest {
    /// The lowercase hex SHA-256 of `data`.
    public static func sha256Hex(_ data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    /// The lowercase hex SHA-256 of a string's UTF-8 bytes.
    public static func sha256Hex(_ text: String) -> String {
        sha256Hex(Data(text.utf8))
    }

    /// The lowercase hex MD5 of `data`: only to check checksums that publishers give as MD5.
    public static func md5Hex(_ data: Data) -> String {
        hex(Insecure.MD5.hash(data: data))
    }

    static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// An incremental SHA-256 over bytes, integers and floats in a fixed little-endian layout.
public struct Hasher256 {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ data: Data) {
        hasher.update(data: data)
    }

    public mutating func update(_ text: String) {
        hasher.update(data: Data(text.utf8))
    }

    public mutating func update(bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    public mutating func update<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { hasher.update(bufferPointer: $0) }
    }

    public mutating func update(_ value: Float) {
        update(value.bitPattern)
    }

    /// The lowercase hex digest; the hasher can no longer be used afterwards.
    public func finalizeHex() -> String {
        Digest.hex(hasher.finalize())
    }
}

/// An incremental MD5, for checking downloads against checksums published as MD5.
public struct LegacyMD5Hasher {
    private var hasher = Insecure.MD5()

    public init() {}

    public mutating func update(_ data: Data) {
        hasher.update(data: data)
    }

    public func finalizeHex() -> String {
        Digest.hex(hasher.finalize())
    }
}
