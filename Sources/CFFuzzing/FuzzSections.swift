/// One fuzz input cut into the files of a data folder.
///
/// The input is the first file; each later line that is exactly `%%` starts the next one. So
/// `1,10,4.0,5\n%%\n10,Heat (1995),Action\n` is a ratings file and a catalogue, and a
/// corpus file stays readable text that the fuzzer mutates as a whole.
public enum FuzzSections {
    /// The line that separates two files.
    public static let separator = Array("\n%%\n".utf8)

    /// The first `names.count` sections of `bytes`, keyed by name; absent sections are
    /// left out, and the last name takes the rest of the input, separators included.
    /// Each section but the last keeps the newline before its separator.
    public static func files(_ bytes: [UInt8], names: [String]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var rest = bytes[...]
        for (index, name) in names.enumerated() {
            guard index < names.count - 1, let cut = firstSeparator(in: rest) else {
                files[name] = Array(rest)
                break
            }
            files[name] = Array(rest[..<(cut + 1)])
            rest = rest[(cut + separator.count)...]
        }
        return files
    }

    /// The index of the first separator in `bytes`, if any.
    private static func firstSeparator(in bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= separator.count else { return nil }
        var index = bytes.startIndex
        while index <= bytes.endIndex - separator.count {
            if bytes[index..<(index + separator.count)].elementsEqual(separator) { return index }
            index += 1
        }
        return nil
    }
}
