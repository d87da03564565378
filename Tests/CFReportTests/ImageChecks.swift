import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Well-formedness checks of the images gnuplot draws: PNG chunks and CRCs, SVG as XML.
enum ImageChecks {
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

    /// Whether `data` parses as XML whose root element is `svg`.
    static func isSVG(_ data: Data) -> Bool {
        final class Root: NSObject, XMLParserDelegate {
            var name: String?
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == nil { name = elementName }
            }
        }
        let parser = XMLParser(data: data)
        let root = Root()
        parser.delegate = root
        return parser.parse() && root.name == "svg"
    }
}
