/// Splits a `--where` expression into tokens; anything else (`;`, `*`, a lone `!`) is an error.
struct WhereLexer {
    private let characters: [Character]
    private let expression: String
    private var offset = 0

    init(_ expression: String) {
        self.expression = expression
        self.characters = Array(expression)
    }

    /// Every token of the expression, ending with `.end`.
    mutating func tokens() throws -> [WhereToken] {
        var out: [WhereToken] = []
        while true {
            while offset < characters.count, characters[offset].isWhitespace { offset += 1 }
            guard offset < characters.count else {
                out.append(WhereToken(kind: .end, position: characters.count))
                return out
            }
            out.append(try next())
        }
    }

    private mutating func next() throws -> WhereToken {
        let start = offset
        let character = characters[offset]
        switch character {
        case "(": offset += 1; return WhereToken(kind: .openParenthesis, position: start)
        case ")": offset += 1; return WhereToken(kind: .closeParenthesis, position: start)
        case ",": offset += 1; return WhereToken(kind: .comma, position: start)
        case "'", "\"": return WhereToken(kind: .string(try quoted(character)), position: start)
        case "=", "!", "<", ">": return WhereToken(kind: .comparison(try comparison()), position: start)
        default: break
        }
        if Self.startsNumber(character, next: offset + 1 < characters.count ? characters[offset + 1] : nil) {
            return WhereToken(kind: .number(try number()), position: start)
        }
        if character.isLetter || character == "_" {
            return WhereToken(kind: .word(take { $0.isLetter || $0.isNumber || "_.-:/".contains($0) }), position: start)
        }
        throw WhereError(expression: expression, position: start, message: "unexpected character \(Self.shown(character))")
    }

    private mutating func take(while accepts: (Character) -> Bool) -> String {
        let start = offset
        while offset < characters.count, accepts(characters[offset]) { offset += 1 }
        return String(characters[start..<offset])
    }

    /// A number: optional sign, digits and `.`, then an optional exponent with its sign.
    private mutating func number() throws -> String {
        let start = offset
        if characters[offset] == "-" || characters[offset] == "+" { offset += 1 }
        while offset < characters.count {
            let character = characters[offset]
            if character.isASCII, character.isNumber || character == "." {
                offset += 1
            } else if character == "e" || character == "E" {
                offset += 1
                if offset < characters.count, characters[offset] == "-" || characters[offset] == "+" { offset += 1 }
            } else {
                break
            }
        }
        let text = String(characters[start..<offset])
        guard Double(text) != nil else {
            throw WhereError(expression: expression, position: start, message: "`\(text)` is not a number")
        }
        return text
    }

    private mutating func quoted(_ quote: Character) throws -> String {
        let start = offset
        offset += 1
        var text = ""
        while offset < characters.count {
            let character = characters[offset]
            offset += 1
            if character == quote {
                if offset < characters.count, characters[offset] == quote {
                    text.append(quote)
                    offset += 1
                } else {
                    return text
                }
            } else {
                text.append(character)
            }
        }
        throw WhereError(expression: expression, position: start, message: "string starting here is not closed")
    }

    private mutating func comparison() throws -> String {
        let start = offset
        let pair = offset + 1 < characters.count ? String(characters[offset...offset + 1]) : ""
        if ["==", "!=", "<>", "<=", ">="].contains(pair) {
            offset += 2
            return pair
        }
        guard characters[offset] != "!" else {
            throw WhereError(expression: expression, position: start, message: "`!` must be followed by `=`; use `not` to negate")
        }
        offset += 1
        return String(characters[start])
    }

    /// `` `x` `` for a character that prints; `U+001B` for a hidden one, which must not
    /// reach the terminal (`WhereError.isHidden`).
    static func shown(_ character: Character) -> String {
        guard character.unicodeScalars.contains(where: WhereError.isHidden) else { return "`\(character)`" }
        return character.unicodeScalars.map { scalar in
            let code = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
        }.joined(separator: " ")
    }

    private static func startsNumber(_ character: Character, next: Character?) -> Bool {
        if character.isASCII, character.isNumber { return true }
        guard character == "-" || character == "+" || character == "." , let next else { return false }
        return next.isASCII && (next.isNumber || (character != "." && next == "."))
    }
}
