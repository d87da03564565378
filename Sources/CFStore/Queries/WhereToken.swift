/// One lexical token of a `--where` expression, with its character offset.
struct WhereToken: Equatable {
    enum Kind: Equatable {
        /// A field name or bare value: letters, digits, `_`, `.`, `-`, `:`, `/`.
        case word(String)
        case number(String)
        /// A quoted string, quotes removed and doubled quotes undone.
        case string(String)
        /// `=`, `==`, `!=`, `<>`, `<`, `<=`, `>`, `>=`.
        case comparison(String)
        case openParenthesis
        case closeParenthesis
        case comma
        case end
    }

    var kind: Kind
    var position: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case let .word(text), let .number(text), let .comparison(text): return "`\(text)`"
        case let .string(text): return "'\(text)'"
        case .openParenthesis: return "`(`"
        case .closeParenthesis: return "`)`"
        case .comma: return "`,`"
        case .end: return "end of expression"
        }
    }

    /// Whether this is the keyword `name` (case-insensitive).
    func isKeyword(_ name: String) -> Bool {
        if case let .word(text) = kind { return text.lowercased() == name }
        return false
    }
}
