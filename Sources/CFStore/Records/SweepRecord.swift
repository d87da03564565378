import CFCore
import GRDB

/// One row of `sweeps`: a sweep's name, its swept keys, its spec and its wide view.
public struct SweepRecord: Equatable, Sendable {
    public var name: String
    public var createdAt: String
    /// The dotted keys the sweep varies, in the order of its `parameters:` block.
    public var sweptKeys: [String]
    /// The `sweep:` block as written (canonical JSON).
    public var spec: JSONValue
    /// The name of the sweep's wide view, `sweep_<sanitised name>`.
    public var viewName: String
}

extension SweepRecord: FetchableRecord {
    public init(row: Row) throws {
        name = row["name"]
        createdAt = row["created_at"]
        let keysText: String = row["swept_keys"]
        let specText: String = row["spec"]
        do {
            sweptKeys = try JSONValue.parse(keysText).arrayValue?.compactMap(\.stringValue) ?? []
            spec = try JSONValue.parse(specText)
        } catch {
            throw StoreError.corruptRecord(path: "sweeps", reason: "sweep \(name): \(error)")
        }
        viewName = row["view_name"]
    }
}
