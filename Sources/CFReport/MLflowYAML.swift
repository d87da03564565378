import CFCore
import Foundation

/// The YAML of MLflow's `meta.yaml` files: one `key: value` a line, strings double-quoted.
enum MLflowYAML {
    /// `text` as a double-quoted YAML scalar: JSON's escapes, which YAML reads, plus the
    /// two non-characters that YAML refuses.
    static func string(_ text: String) -> String {
        JSONValue.string(text).compact.replacingOccurrences(of: "\u{FFFE}", with: "\\uFFFE").replacingOccurrences(of: "\u{FFFF}", with: "\\uFFFF")
    }

    static func document(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0): \($0.1)\n" }.joined()
    }

    /// Milliseconds since 1970 of a store timestamp (`2025-01-31T12:00:00.000Z`); 0 if unreadable.
    static func milliseconds(_ timestamp: String?) -> Int64 {
        guard let timestamp else { return 0 }
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = withFraction.date(from: timestamp) ?? ISO8601DateFormatter().date(from: timestamp)
        return date.map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) } ?? 0
    }
}
