import CFCore
import CFStore

/// A sweep as the dashboard lists it: its record and how many of its current trials are in
/// each status (done, running, pruned, failed…).
struct SweepSummary: Sendable {
    var record: SweepRecord
    /// The current attempt of each trial, by id.
    var runs: [RunRecord]

    /// The statuses in the order the progress bar draws them, with their colours.
    static let order: [(status: RunStatus, colour: String)] = [
        (.completed, "#2e7d32"), (.pruned, "#ef6c00"), (.running, "#1565c0"), (.pending, "#90caf9"),
        (.failed, "#c62828"), (.diverged, "#ad1457"), (.interrupted, "#9e9e9e"), (.superseded, "#cfd8dc"),
    ]

    func count(_ status: RunStatus) -> Int {
        runs.filter { $0.status == status }.count
    }

    /// Every sweep of `store` with its current runs, in the order they were created.
    static func all(in store: RunStore) throws -> [SweepSummary] {
        let runs = try store.runs(matching: RunQuery(currentOnly: true))
        let bySweep = Dictionary(grouping: runs, by: \.sweep)
        return try store.sweeps().sorted { ($0.createdAt, $0.name) < ($1.createdAt, $1.name) }.map {
            SweepSummary(record: $0, runs: bySweep[$0.name] ?? [])
        }
    }

    /// The sweep named `name`, or nil.
    static func named(_ name: String, in store: RunStore) throws -> SweepSummary? {
        guard let record = try store.sweeps().first(where: { $0.name == name }) else { return nil }
        return SweepSummary(record: record, runs: try store.runs(matching: RunQuery(sweep: name, currentOnly: true)))
    }

    /// `/api/sweeps`'s object: name, creation, swept keys, spec, and the count per status.
    var json: JSONValue {
        .object([
            ("name", .string(record.name)), ("created_at", .string(record.createdAt)),
            ("swept_keys", .array(record.sweptKeys.map(JSONValue.string))), ("spec", record.spec),
            ("trials", .int(Int64(runs.count))),
            ("counts", .object(Self.order.map { ($0.status.rawValue, .int(Int64(count($0.status)))) })),
        ])
    }

    /// The progress as a bar of one segment per status, widths in proportion.
    func progressBar(width: Double = 260, height: Double = 12) -> String {
        var parts = ["<svg class=\"progress\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">",
                     "<rect width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#eceff1\"/>"]
        var x = 0.0
        for (status, colour) in Self.order where count(status) > 0 {
            let segment = width * Double(count(status)) / Double(max(runs.count, 1))
            parts.append("<rect x=\"\(CurveChart.f(x))\" width=\"\(CurveChart.f(segment))\" height=\"\(Int(height))\" fill=\"\(colour)\">"
                + "<title>\(count(status)) \(status.rawValue)</title></rect>")
            x += segment
        }
        parts.append("</svg>")
        return parts.joined()
    }

    /// `12 done · 2 running · 3 pruned · 0 failed`, and any other status present.
    var countsLine: String {
        var parts = ["\(count(.completed)) done", "\(count(.running)) running", "\(count(.pruned)) pruned", "\(count(.failed)) failed"]
        for status in [RunStatus.pending, .diverged, .interrupted, .superseded] where count(status) > 0 {
            parts.append("\(count(status)) \(status.rawValue)")
        }
        return parts.joined(separator: " · ")
    }
}
