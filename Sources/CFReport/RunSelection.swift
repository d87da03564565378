import CFStore

/// Which runs a comparison or report covers: a sweep, run ids, or a `--where` filter.
///
/// Only current attempts of completed runs are compared, and pruned ones (stopped at a
/// rung of their sweep, shown marked and never ranked best); the rest are counted so
/// that the output can say how many were left out.
public struct RunSelection: Sendable, CustomStringConvertible {
    public var sweep: String?
    public var runIds: [Int64]
    /// A `--where` expression (see docs/store.md).
    public var filter: String?

    public init(sweep: String? = nil, runIds: [Int64] = [], filter: String? = nil) {
        self.sweep = sweep
        self.runIds = runIds
        self.filter = filter
    }

    /// `sweep quickstart-sweep`, `runs 3, 4`, `runs where model.kind = dot`, `all runs`.
    public var description: String {
        var parts: [String] = []
        if let sweep { parts.append("sweep \(sweep)") }
        if !runIds.isEmpty { parts.append("runs " + runIds.map(String.init).joined(separator: ", ")) }
        if let filter { parts.append("runs where \(filter)") }
        return parts.isEmpty ? "all runs" : parts.joined(separator: ", ")
    }

    /// The selected runs: completed and pruned current attempts, by id; and how many others matched.
    public func records(in store: RunStore) throws -> (completed: [RunRecord], leftOut: Int) {
        let parsed = try filter.map { try WhereFilter(parsing: $0) }
        var matched: [RunRecord]
        if runIds.isEmpty {
            matched = try store.runs(matching: RunQuery(sweep: sweep, filter: parsed, currentOnly: true))
        } else {
            let allowed = parsed == nil && sweep == nil
                ? nil : Set(try store.runs(matching: RunQuery(sweep: sweep, filter: parsed)).map(\.id))
            matched = try runIds.map { try store.run(id: $0) }.filter { allowed?.contains($0.id) ?? true }
        }
        let completed = matched.filter { $0.status == .completed || $0.status == .pruned }
        guard !completed.isEmpty else { throw ReportError.noRuns(description) }
        return (completed, matched.count - completed.count)
    }
}
