/// A recursive-descent parser for `--where` expressions.
///
///     expression := term ("or" term)*
///     term       := factor ("and" factor)*
///     factor     := "not" factor | "(" expression ")" | field comparison
///     comparison := op value | ["not"] "in" "(" value ("," value)* ")"
///     op         := "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">="
///     value      := number | 'quoted' | "quoted" | bare word
///
/// Bounded before any work: at most `maximumLength` characters, `maximumDepth` nested
/// parentheses or `not`s, and `maximumConditions` comparisons, so that no expression can
/// exhaust the stack here or in the SQL it becomes.
struct WhereParser {
    static let maximumLength = 4_096
    static let maximumDepth = 64
    static let maximumConditions = 256

    private let expression: String
    private let tokens: [WhereToken]
    private var index = 0
    private var depth = 0
    private var conditions = 0

    init(_ expression: String) throws {
        self.expression = expression
        guard expression.utf8.count <= Self.maximumLength else {
            throw WhereError(expression: String(expression.prefix(80)) + "…", position: 0,
                             message: "the expression is \(expression.utf8.count) bytes long; at most \(Self.maximumLength) are allowed")
        }
        var lexer = WhereLexer(expression)
        self.tokens = try lexer.tokens()
    }

    /// The whole expression; trailing tokens are an error.
    mutating func parse() throws -> WhereExpression {
        guard current.kind != .end else { throw error(at: current, "expected a condition such as `model.kind = dot`") }
        let result = try parseOr()
        guard current.kind == .end else { throw error(at: current, "expected `and`, `or` or the end, found \(current.display)") }
        return result
    }

    private var current: WhereToken { tokens[min(index, tokens.count - 1)] }

    private mutating func advance() -> WhereToken {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func error(at token: WhereToken, _ message: String) -> WhereError {
        WhereError(expression: expression, position: token.position, message: message)
    }

    private mutating func parseOr() throws -> WhereExpression {
        var left = try parseAnd()
        while current.isKeyword("or") {
            _ = advance()
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws -> WhereExpression {
        var left = try parseFactor()
        while current.isKeyword("and") {
            _ = advance()
            left = .and(left, try parseFactor())
        }
        return left
    }

    private mutating func parseFactor() throws -> WhereExpression {
        if current.isKeyword("not") || current.kind == .openParenthesis {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else {
                throw error(at: current, "nested more than \(Self.maximumDepth) levels deep (parentheses and `not`)")
            }
            return try parseNested()
        }
        conditions += 1
        guard conditions <= Self.maximumConditions else {
            throw error(at: current, "more than \(Self.maximumConditions) conditions; narrow the filter")
        }
        return try parseCondition()
    }

    /// `not factor` or `( expression )`.
    private mutating func parseNested() throws -> WhereExpression {
        if current.isKeyword("not") {
            _ = advance()
            return .not(try parseFactor())
        }
        if current.kind == .openParenthesis {
            _ = advance()
            let inner = try parseOr()
            guard current.kind == .closeParenthesis else { throw error(at: current, "expected `)`, found \(current.display)") }
            _ = advance()
            return inner
        }
        return try parseCondition()
    }

    /// `field comparison`.
    private mutating func parseCondition() throws -> WhereExpression {
        let fieldToken = advance()
        guard case let .word(field) = fieldToken.kind, !["and", "or", "in"].contains(field.lowercased()) else {
            throw error(at: fieldToken, "expected a field name such as `model.kind` or `valid_rmse`, found \(fieldToken.display)")
        }
        try WhereField.validate(field, at: fieldToken.position, in: expression)
        return try parseComparison(field: field)
    }

    private mutating func parseComparison(field: String) throws -> WhereExpression {
        var negated = false
        if current.isKeyword("not") {
            _ = advance()
            negated = true
            guard current.isKeyword("in") else { throw error(at: current, "expected `in` after `not`, found \(current.display)") }
        }
        if current.isKeyword("in") {
            _ = advance()
            guard current.kind == .openParenthesis else { throw error(at: current, "expected `(` after `in`, found \(current.display)") }
            _ = advance()
            var values = [try parseValue()]
            while current.kind == .comma {
                _ = advance()
                values.append(try parseValue())
            }
            guard current.kind == .closeParenthesis else { throw error(at: current, "expected `,` or `)` in the list, found \(current.display)") }
            _ = advance()
            let comparison = WhereExpression.comparison(field: field, operator: "in", values: values)
            return negated ? .not(comparison) : comparison
        }
        let operatorToken = advance()
        guard case let .comparison(symbol) = operatorToken.kind else {
            throw error(at: operatorToken, "expected a comparison (=, !=, <, <=, >, >=, in) after `\(field)`, found \(operatorToken.display)")
        }
        let value = try parseValue()
        let normalized = symbol == "==" ? "=" : (symbol == "<>" ? "!=" : symbol)
        if value == .null, !["=", "!="].contains(normalized) {
            throw error(at: operatorToken, "`null` can only be compared with = or !=")
        }
        return .comparison(field: field, operator: normalized, values: [value])
    }

    private mutating func parseValue() throws -> WhereLiteral {
        let token = advance()
        switch token.kind {
        case let .number(text): return .number(text)
        case let .string(text): return .text(text)
        case let .word(text) where !["and", "or", "not", "in"].contains(text.lowercased()): return .word(text)
        default: throw error(at: token, "expected a value, found \(token.display)")
        }
    }
}
