import CFTestSupport
import Foundation

/// What one run of a catalogue row did differently from what the catalogue says.
struct RowCheck {
    let row: HostileCatalogue.Row
    let output: CLIRunner.Output

    /// Text that only a crash prints.
    static let crashMarks = ["Fatal error", "Stack dump", "backtrace", "Current stack trace", "Segmentation fault", "Illegal instruction"]

    /// Every difference: the ending, the messages, the lines of stderr and their location.
    var problems: [String] {
        var found: [String] = []
        if let signal = output.signal {
            found.append("killed by signal \(signal)")
        } else if output.status != row.exit {
            found.append("exit \(output.status), expected \(row.exit ?? 0)")
        }
        for mark in Self.crashMarks where output.stdout.contains(mark) || output.stderr.contains(mark) {
            found.append("printed \(mark.debugDescription)")
        }
        let controls = Set((output.stdout + output.stderr).unicodeScalars.filter(Self.isControl)).sorted { $0.value < $1.value }
        if !controls.isEmpty {
            found.append("printed control characters " + controls.map { String(format: "U+%04X", $0.value) }.joined(separator: ", "))
        }
        for fragment in row.says where !output.stderr.contains(fragment) { found.append("stderr lacks \(fragment.debugDescription)") }
        for fragment in row.prints where !output.stdout.contains(fragment) { found.append("stdout lacks \(fragment.debugDescription)") }
        let lines = stderrLines
        if lines.count != row.lines { found.append("stderr has \(lines.count) lines, expected \(row.lines)") }
        if let location = row.at {
            let holding = lines.filter { line in row.says.contains { line.contains($0) } }
            if !(holding.isEmpty ? Array(lines.prefix(1)) : holding).contains(where: { Self.line($0, beginsWith: location) }) {
                found.append("the message does not begin with \(location)")
            }
        }
        return found
    }

    /// The lines of stderr, without the empty one after its last newline.
    var stderrLines: [String] {
        var lines = output.stderr.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Whether `line` begins (after `error: `) with a path equal to or ending in `/FILE`,
    /// then the line (and column) of `location`, then `: `.
    static func line(_ line: String, beginsWith location: String) -> Bool {
        let text = line.hasPrefix("error: ") ? String(line.dropFirst("error: ".count)) : line
        guard let range = text.range(of: location + ": ") else { return false }
        let prefix = text[..<range.lowerBound]
        return prefix.isEmpty || (prefix.hasSuffix("/") && !prefix.contains(" "))
    }

    /// A C0 control character other than newline and tab, or DEL.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
    }

    /// The entries a run added, removed or changed, as one problem; none when it wrote nothing.
    static func writes(before: [String: String], after: [String: String]) -> [String] {
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        guard !changed.isEmpty else { return [] }
        return ["wrote: " + changed.map { "\($0) (\(describe(before[$0])) -> \(describe(after[$0])))" }.joined(separator: ", ")]
    }

    private static func describe(_ state: String?) -> String {
        guard let state else { return "absent" }
        return state.count == 64 ? String(state.prefix(12)) : state
    }
}
