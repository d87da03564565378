import Foundation

/// Packs numeric arrays into little-endian BLOBs and back, whatever the host byte order.
///
/// Float32 values keep their exact bit patterns (NaN payloads included), so a tensor
/// read back is bitwise the tensor written.
enum FloatBlob {
    /// Little-endian Float32 bytes of `values`.
    static func encode(_ values: [Float]) -> Data {
        // On a little-endian host the array's bytes already are the BLOB: one bulk copy.
        if isLittleEndianHost { return values.withUnsafeBytes { Data($0) } }
        return encodeWords(values.map(\.bitPattern))
    }

    private static let isLittleEndianHost = UInt32(1).littleEndian == 1

    /// The Float32 values of little-endian `data`; nil when its length is not a multiple of 4.
    static func decodeFloats(_ data: Data) -> [Float]? {
        decodeWords(data, as: UInt32.self).map { $0.map(Float.init(bitPattern:)) }
    }

    /// Little-endian Int32 bytes of `values`.
    static func encode(_ values: [Int32]) -> Data {
        encodeWords(values)
    }

    /// The Int32 values of little-endian `data`; nil when its length is not a multiple of 4.
    static func decodeInt32s(_ data: Data) -> [Int32]? {
        decodeWords(data, as: Int32.self)
    }

    private static func encodeWords<Word: FixedWidthInteger>(_ words: [Word]) -> Data {
        if isLittleEndianHost { return words.withUnsafeBytes { Data($0) } }
        var data = Data(capacity: words.count * MemoryLayout<Word>.size)
        for word in words {
            withUnsafeBytes(of: word.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    private static func decodeWords<Word: FixedWidthInteger>(_ data: Data, as type: Word.Type) -> [Word]? {
        let size = MemoryLayout<Word>.size
        guard data.count % size == 0 else { return nil }
        var words = [Word](repeating: 0, count: data.count / size)
        words.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in target.copyMemory(from: source) }
        }
        return words.map { Word(littleEndian: $0) }
    }
}
