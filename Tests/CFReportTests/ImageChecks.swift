import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Well-formedness checks of the images gnuplot draws: PNG chunks, CRCs and pixel data,
/// SVG as XML with a size.
enum ImageChecks {
    /// nil when `data` is a PNG (`pngProblem`) whose IHDR has a positive width and height
    /// and whose IDAT stream inflates to exactly one filter byte plus one row of pixels
    /// per line: `height · (1 + ⌈width · bitsPerPixel / 8⌉)` bytes.
    static func pngDecodingProblem(_ data: Data) -> String? {
        if let problem = pngProblem(data) { return problem }
        let chunks = pngChunks([UInt8](data))
        guard let header = chunks.first(where: { $0.type == "IHDR" })?.data, header.count == 13 else { return "IHDR is not 13 bytes" }
        let width = header[0..<4].reduce(0) { $0 << 8 | Int($1) }, height = header[4..<8].reduce(0) { $0 << 8 | Int($1) }
        guard width > 0, height > 0 else { return "IHDR size \(width)x\(height)" }
        let channels: [UInt8: Int] = [0: 1, 2: 3, 3: 1, 4: 2, 6: 4]
        guard let count = channels[header[9]], header[12] == 0 else { return "colour type \(header[9]) or interlace \(header[12]) not checked here" }
        let rowBytes = (width * count * Int(header[8]) + 7) / 8
        let stream = chunks.filter { $0.type == "IDAT" }.flatMap(\.data)
        // A zlib stream: a 2-byte header (deflate, no preset dictionary), then raw deflate.
        guard stream.count > 6, stream[0] & 0x0F == 8, (Int(stream[0]) << 8 | Int(stream[1])) % 31 == 0, stream[1] & 0x20 == 0 else {
            return "IDAT is not a zlib stream"
        }
        let deflated = Data(stream.dropFirst(2))
        var inflated = 0
        do {
            _ = try Data.decompress(size: Int64(deflated.count), bufferSize: 32_768, skipCRC32: true, provider: { position, size in
                deflated.subdata(in: Int(position)..<min(deflated.count, Int(position) + size))
            }, consumer: { inflated += $0.count })
        } catch {
            return "IDAT does not inflate: \(error)"
        }
        let expected = height * (1 + rowBytes)
        return inflated == expected ? nil : "IDAT inflates to \(inflated) bytes, not \(expected) (\(width)x\(height))"
    }

    /// The chunks of a PNG whose layout `pngProblem` has checked.
    static func pngChunks(_ bytes: [UInt8]) -> [(type: String, data: [UInt8])] {
        var chunks: [(type: String, data: [UInt8])] = []
        var offset = 8
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            chunks.append((String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self), Array(bytes[(offset + 8)..<(offset + 8 + length)])))
            offset += 12 + length
        }
        return chunks
    }

    /// nil when `data` is a PNG whose every chunk's CRC-32 matches and which ends in IEND.
    static func pngProblem(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return "no PNG signature" }
        var offset = 8
        var types: [String] = []
        while offset + 12 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            guard offset + 12 + length <= bytes.count else { return "chunk overruns the file" }
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let stored = bytes[(offset + 8 + length)..<(offset + 12 + length)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard crc32(typeAndData) == stored else { return "bad CRC in chunk \(type)" }
            types.append(type)
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard types.first == "IHDR" else { return "first chunk is not IHDR" }
        guard types.last == "IEND", offset == bytes.count else { return "does not end with IEND" }
        guard types.contains("IDAT") else { return "no IDAT chunk" }
        return nil
    }

    /// CRC-32 (ISO-HDLC, as PNG uses).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Whether `data` parses as XML whose root element is `svg` with a width and height
    /// or a viewBox.
    static func isSVG(_ data: Data) -> Bool {
        final class Root: NSObject, XMLParserDelegate {
            var name: String?
            var attributes: [String: String] = [:]
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == nil { (name, self.attributes) = (elementName, attributes) }
            }
        }
        let parser = XMLParser(data: data)
        let root = Root()
        parser.delegate = root
        guard parser.parse(), root.name == "svg" else { return false }
        return (root.attributes["width"] != nil && root.attributes["height"] != nil) || root.attributes["viewBox"] != nil
    }
}
