/// A `--where` expression that cannot be parsed, with the position of the problem.
///
/// The description shows the expression with a caret under that position:
///
///     --where: expected a value after `<`, found end of expression
///       optimizer.lr <
///                     ^
public struct WhereError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The expression as the user wrote it.
    public var expression: String
    /// Character offset of the problem (the expression's length for "end of expression").
    public var position: Int
    public var message: String

    public init(expression: String, position: Int, message: String) {
        self.expression = expression
        self.position = position
        self.message = message
    }

    public var description: String {
        let line = expression.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
        let caret = String(repeating: " ", count: max(0, position)) + "^"
        return "--where: \(message)\n  \(line)\n  \(caret)"
    }
}
