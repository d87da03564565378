import CFCore
import CFStore
import Foundation

/// Runs written in MLflow's file-store layout, so that `mlflow ui` and
/// `MlflowClient(tracking_uri="file:DIR")` open them (`cflab export --mlflow DIR`).
///
/// One experiment per sweep (runs outside sweeps go to MLflow's `Default`, id 0):
///
///     DIR/<experiment_id>/meta.yaml
///     DIR/<experiment_id>/<run_id>/meta.yaml
///     DIR/<experiment_id>/<run_id>/params/<key>        a config leaf, e.g. model.embedding_dim
///     DIR/<experiment_id>/<run_id>/metrics/<key>       lines "timestamp_ms value step", step = epoch
///     DIR/<experiment_id>/<run_id>/tags/<key>          mlflow.runName, cflab.run_id, cflab.status, …
///     DIR/<experiment_id>/<run_id>/artifacts/config.yaml and run.json
///
/// Ids are derived from the store (sweep name, run id and creation time), so exporting
/// the same store again gives the same ids. Every file name derived from a stored name
/// is one plain component (`OutputFolder.sanitisedName`): no name leaves its folder.
/// The whole folder is written beside DIR and swapped in at the end (`FolderSwap`), so an
/// error leaves the previous export or none, never half of one.
public struct MLflowExport {
    public let store: RunStore
    /// The runs to write.
    public let runs: [RunRecord]

    /// The file that marks a folder as one this export wrote (and may replace).
    public static let marker = ".cflab-mlflow-export"

    public init(store: RunStore, runs: [RunRecord]) {
        self.store = store
        self.runs = runs
    }

    /// What was written: experiments and runs.
    public struct Summary: Equatable, Sendable {
        public var experiments: Int
        public var runs: Int
        public var metricPoints: Int
    }

    /// Writes the layout into `folder`, replacing an earlier export there; refuses a
    /// folder that holds anything else.
    public func write(to folder: String) throws -> Summary {
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        try Self.checkReplaceable(target)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let swap = try FolderSwap(target: target)
        do {
            let summary = try write(into: swap.building, finalURL: target)
            try swap.commit()
            return summary
        } catch {
            swap.abandon()
            throw error
        }
    }

    /// Throws unless `target` is absent, empty, or an earlier export (it holds the marker).
    static func checkReplaceable(_ target: URL) throws {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: target.path, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw ReportError.cannotReplace(target.path, reason: "it is a file, not a folder") }
        let contents = (try? files.contentsOfDirectory(atPath: target.path)) ?? []
        guard contents.isEmpty || contents.contains(marker) else {
            throw ReportError.cannotReplace(target.path, reason: "it holds files that cflab export --mlflow did not write; choose a new or empty folder")
        }
    }

    /// Writes every experiment and run under `root`, with artifact addresses under `finalURL`.
    func write(into root: URL, finalURL: URL) throws -> Summary {
        let sweeps = Dictionary(try store.sweeps().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let groups = Dictionary(grouping: runs, by: \.sweep)
        try Data("cflab export --mlflow\n".utf8).write(to: root.appendingPathComponent(Self.marker))
        var summary = Summary(experiments: 0, runs: 0, metricPoints: 0)
        let names = Set(groups.keys).union([""])
        for sweep in names.sorted() {
            let experiment = MLflowExperiment(sweep: sweep, record: sweeps[sweep])
            let folder = root.appendingPathComponent(experiment.id, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try experiment.meta(location: finalURL.appendingPathComponent(experiment.id).absoluteString)
                .write(to: folder.appendingPathComponent("meta.yaml"), atomically: false, encoding: .utf8)
            summary.experiments += 1
            for run in (groups[sweep] ?? []).sorted(by: { $0.id < $1.id }) {
                let written = MLflowRun(record: run, epochs: try store.epochs(runId: run.id), experimentId: experiment.id)
                summary.metricPoints += try written.write(into: folder, artifactRoot: finalURL.appendingPathComponent(experiment.id))
                summary.runs += 1
            }
        }
        return summary
    }
}
