import CFCore
import CFStore
import Foundation

/// One MLflow experiment: a cflab sweep, or `Default` (id 0) for runs outside sweeps.
struct MLflowExperiment {
    /// The sweep's name; "" for the default experiment.
    let sweep: String
    let record: SweepRecord?

    /// A decimal id from the sweep's name (as MLflow's own ids are decimal), never 0.
    var id: String {
        guard !sweep.isEmpty else { return "0" }
        let digest = Digest.sha256Hex("cflab sweep \(sweep)")
        let value = UInt64(digest.prefix(14), radix: 16) ?? 1
        return String(max(value, 1))
    }

    var name: String { sweep.isEmpty ? "Default" : sweep }

    /// `meta.yaml`, the fields MLflow's file store reads for an experiment.
    func meta(location: String) -> String {
        let created = record.map { MLflowYAML.milliseconds($0.createdAt) } ?? 0
        return MLflowYAML.document([
            ("artifact_location", MLflowYAML.string(location)),
            ("creation_time", String(created)),
            ("experiment_id", MLflowYAML.string(id)),
            ("last_update_time", String(created)),
            ("lifecycle_stage", "active"),
            ("name", MLflowYAML.string(name)),
        ])
    }
}

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
