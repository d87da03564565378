import Foundation

/// Hand-written number and text parsing straight from a byte buffer, with no String in between.
enum ByteParsing {
    private static let space = UInt8(ascii: " ")
    private static let zero = UInt8(ascii: "0")

    /// The range without leading and trailing spaces.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ field: FieldRange) -> (Int, Int) {
        var start = field.start
        var end = field.end
        while start < end, bytes[start] == space { start += 1 }
        while end > start, bytes[end - 1] == space { end -= 1 }
        return (start, end)
    }

    /// A decimal integer with an optional sign, or nil when the field is not one.
    @inline(__always)
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ field: FieldRange) -> Int64? {
        var (index, end) = trimmed(bytes, field)
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
            guard index < end else { return nil }
        }
        guard end - index <= 18 else { return nil }
        var value: Int64 = 0
        while index < end {
            let digit = bytes[index] &- zero
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { power in
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }

    /// A decimal number (`4`, `3.5`, `-1e3`), or nil when the field is not a finite number.
    @inline(__always)
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ field: FieldRange) -> Double? {
        var (index, end) = trimmed(bytes, field)
        guard index < end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0
        var exponent = 0
        var digits = 0
        var seenPoint = false
        while index < end {
            let byte = bytes[index]
            let digit = byte &- zero
            if digit < 10 {
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + UInt64(digit)
                    if seenPoint { exponent -= 1 }
                } else if !seenPoint {
                    exponent += 1
                }
                digits += 1
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard digits > 0, let power = integer(bytes, FieldRange(start: index + 1, end: end, hasEscapedQuotes: false)),
                      abs(power) < 400 else { return nil }
                exponent += Int(power)
                index = end
                break
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        var value = Double(mantissa)
        if exponent > 0 {
            value *= exponent <= 22 ? powersOfTen[exponent] : pow10(exponent)
        } else if exponent < 0 {
            value /= -exponent <= 22 ? powersOfTen[-exponent] : pow10(-exponent)
        }
        guard value.isFinite else { return nil }
        return negative ? -value : value
    }

    private static func pow10(_ power: Int) -> Double {
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }

    /// The field as text: UTF-8, or ISO-8859-1 when `latin1` is set; `""` collapses to `"`.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ field: FieldRange, latin1: Bool = false) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[field.start..<max(field.start, field.end)])
        var text: String
        if latin1 {
            var scalars = String.UnicodeScalarView()
            for byte in slice { scalars.append(Unicode.Scalar(byte)) }
            text = String(scalars)
        } else {
            text = String(decoding: slice, as: UTF8.self)
        }
        if field.hasEscapedQuotes { text = text.replacingOccurrences(of: "\"\"", with: "\"") }
        return text
    }

    /// Whether the buffer is valid UTF-8 (used to choose between UTF-8 and Latin-1).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
