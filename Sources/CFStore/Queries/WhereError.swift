import CFCore

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

    /// The message, then the expression on one line (each hidden character a space, so
    /// that none reaches the terminal and the caret stays under its character), then the caret.
    public var description: String {
        var line = String.UnicodeScalarView()
        for scalar in expression.unicodeScalars { line.append(Self.isHidden(scalar) ? " " : scalar) }
        let caret = String(repeating: " ", count: max(0, position)) + "^"
        return "--where: \(message)\n  \(line)\n  \(caret)"
    }

    /// Whether `scalar` must not be printed as it is (`VisibleText.isHidden`), or is a tab,
    /// which would move the caret.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || VisibleText.isHidden(scalar)
    }
}
