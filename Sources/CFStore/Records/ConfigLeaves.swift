import CFCore
import GRDB

/// The leaves of a resolved config as `run_params` rows: dotted key, typed value, type name.
///
/// Numbers keep their SQLite storage class (INTEGER or REAL), so `optimizer.lr < 1e-2`
/// compares numbers; booleans are 0/1 with type `bool`; arrays and empty objects are
/// canonical JSON text with type `json` (for example `model.layers = '[100,50]'`).
enum ConfigLeaves {
    /// One `run_params` row before its run id is known.
    struct Leaf: Equatable {
        var key: String
        var value: DatabaseValue
        var type: String
    }

    /// Every leaf of `config` (`JSONValue.leaves`), in document order.
    static func leaves(of config: JSONValue) -> [Leaf] {
        config.leaves.map { leaf($0.key, $0.value) }
    }

    /// The typed row of one scalar (or JSON) value.
    static func leaf(_ key: String, _ value: JSONValue) -> Leaf {
        switch value {
        case .null: return Leaf(key: key, value: .null, type: "null")
        case let .bool(flag): return Leaf(key: key, value: (flag ? 1 : 0).databaseValue, type: "bool")
        case let .int(number): return Leaf(key: key, value: number.databaseValue, type: "int")
        case let .double(number) where number.isFinite: return Leaf(key: key, value: number.databaseValue, type: "real")
        case .double: return Leaf(key: key, value: value.canonical.databaseValue, type: "json")
        case let .string(text): return Leaf(key: key, value: text.databaseValue, type: "text")
        case .array, .object: return Leaf(key: key, value: value.canonical.databaseValue, type: "json")
        }
    }

    /// Writes the leaves of `config` for `runId`.
    static func insert(_ config: JSONValue, runId: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO run_params (run_id, key, value, type) VALUES (?, ?, ?, ?)")
        for leaf in leaves(of: config) {
            try statement.execute(arguments: [runId, leaf.key, leaf.value, leaf.type])
        }
    }
}
