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
