import GRDB

/// A parsed `--where` expression, ready to filter runs with bound parameters only.
///
/// Field names are looked up by fixed SQL (`WhereField`) and every name or value the
/// user typed reaches SQLite as a bound argument, so no input can change the query's
/// shape. Config keys compare through `EXISTS` over `run_params`, whose values keep
/// their SQLite type: `optimizer.lr < 1e-2` compares numbers, `model.kind = dot` text.
public struct WhereFilter: Equatable, Sendable {
    /// The text as written.
    public let text: String
    public let expression: WhereExpression

    /// Parses `text`, throwing a `WhereError` with a caret under the problem.
    public init(parsing text: String) throws {
        var parser = try WhereParser(text)
        self.text = text
        self.expression = try parser.parse()
    }

    /// The SQL condition over `runs r` and its bound arguments.
    func sql() -> (condition: String, arguments: [DatabaseValue]) {
        var arguments: [DatabaseValue] = []
        let condition = Self.compile(expression, into: &arguments)
        return (condition, arguments)
    }

    private static func compile(_ expression: WhereExpression, into arguments: inout [DatabaseValue]) -> String {
        switch expression {
        case let .and(left, right):
            let lhs = compile(left, into: &arguments)
            return "(\(lhs) AND \(compile(right, into: &arguments)))"
        case let .or(left, right):
            let lhs = compile(left, into: &arguments)
            return "(\(lhs) OR \(compile(right, into: &arguments)))"
        case let .not(inner):
            return "(NOT \(compile(inner, into: &arguments)))"
        case let .comparison(field, symbol, values):
            return comparison(WhereField.resolve(field), symbol, values, into: &arguments)
        }
    }

    private static func comparison(_ field: WhereField, _ symbol: String, _ values: [WhereLiteral], into arguments: inout [DatabaseValue]) -> String {
        switch field {
        case let .column(column):
            return test(column.qualified, symbol, values, into: &arguments)
        case let .metric(column, name):
            arguments.append(WhereField.metricPath(name).databaseValue)
            return test("json_extract(\(column.qualified), ?)", symbol, values, into: &arguments)
        case let .parameter(key):
            arguments.append(key.databaseValue)
            let inner = values == [.null] ? (symbol == "=" ? "p.type = 'null'" : "p.type != 'null'") : test("p.value", symbol, values, into: &arguments)
            return "EXISTS (SELECT 1 FROM run_params p WHERE p.run_id = r.id AND p.key = ? AND \(inner))"
        case .tag:
            if symbol == "!=" {
                let inner = test("t.tag", "=", values, into: &arguments)
                return "NOT EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND \(inner))"
            }
            return "EXISTS (SELECT 1 FROM run_tags t WHERE t.run_id = r.id AND \(test("t.tag", symbol, values, into: &arguments)))"
        }
    }

    /// `value op ?` (or `IN (?, ...)`, `IS NULL`) with the literals appended as arguments.
    private static func test(_ value: String, _ symbol: String, _ values: [WhereLiteral], into arguments: inout [DatabaseValue]) -> String {
        if values == [.null] { return symbol == "=" ? "\(value) IS NULL" : "\(value) IS NOT NULL" }
        arguments += values.map(databaseValue)
        if symbol == "in" {
            return "\(value) IN (\(Array(repeating: "?", count: values.count).joined(separator: ", ")))"
        }
        let allowed = ["=", "!=", "<", "<=", ">", ">="]
        return "\(value) \(allowed.contains(symbol) ? symbol : "=") ?"
    }

    private static func databaseValue(_ literal: WhereLiteral) -> DatabaseValue {
        switch literal {
        case let .integer(number): return number.databaseValue
        case let .real(number): return number.databaseValue
        case let .text(text): return text.databaseValue
        case let .boolean(flag): return (flag ? 1 : 0).databaseValue
        case .null: return .null
        }
    }
}
