import CFData
import Foundation

/// Finds an item by raw id or title, in tiers, and never guesses between equals.
///
/// A query that is a raw item id names that item. Otherwise the first tier with a
/// match decides: (1) the exact title; (2) the title ignoring case, spacing and a
/// leading or trailing article ("English Patient, The" = "The English Patient");
/// (3) tier 2 without the release year ("Star Wars" = "Star Wars (1977)"); (4) tier 3
/// as a substring. Several matches in the deciding tier are an `ambiguousTitle` error
/// listing them (most-rated first) so that the user can pass an id.
public struct TitleMatcher: Sendable {
    /// Articles MovieLens moves to the end of a title ("Patient, The").
    static let articles = ["the", "a", "an", "les", "la", "le", "l'", "il", "el", "das", "der", "die", "los", "las"]
    /// The most candidates an ambiguity error lists.
    public static let candidateLimit = 15

    private let items: IdMap
    private let titles: [String]
    private let counts: [Int32]
    private let normalized: [String]
    private let yearless: [String]

    /// - Parameters: counts: training ratings per dense item id (orders the candidates).
    public init(items: IdMap, infos: [ItemInfo], counts: [Int32]) {
        self.items = items
        titles = infos.map(\.title)
        self.counts = counts
        normalized = titles.map(Self.normalize)
        yearless = titles.map { Self.normalize(Self.removingYear($0)) }
    }

    /// The dense id of the item `query` names.
    public func match(_ query: String) throws -> Int32 {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if let dense = items.dense(trimmed) { return dense }
        let key = Self.normalize(trimmed)
        let yearlessKey = Self.normalize(Self.removingYear(trimmed))
        let tiers: [(Int) -> Bool] = [
            { titles[$0] == trimmed },
            { normalized[$0] == key },
            { yearless[$0] == yearlessKey },
            { !yearlessKey.isEmpty && yearless[$0].contains(yearlessKey) },
        ]
        for tier in tiers {
            let found = titles.indices.filter(tier)
            if found.count == 1 { return Int32(found[0]) }
            if found.count > 1 {
                let ordered = found.sorted { (-counts[$0], $0) < (-counts[$1], $1) }
                let listed = ordered.prefix(Self.candidateLimit).map { "\(items.raw(Int32($0))) \(titles[$0])" }
                throw AnalysisError.ambiguousTitle(query: trimmed, candidates: Array(listed), matches: found.count)
            }
        }
        throw AnalysisError.unknownItem(trimmed)
    }

    /// Lowercased, single-spaced, without a leading article or a trailing one
    /// (", The", also before a year: "English Patient, The (1996)" → "english patient (1996)").
    static func normalize(_ title: String) -> String {
        var words = title.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        if words.count > 1, articles.contains(words[0]) { words.removeFirst() }
        let end = words.last.map(isYear) == true ? words.count - 1 : words.count
        if end >= 2, articles.contains(words[end - 1]), words[end - 2].hasSuffix(",") {
            words[end - 2].removeLast()
            words.remove(at: end - 1)
        }
        return words.joined(separator: " ")
    }

    /// Whether `word` is a year in parentheses: "(1977)".
    static func isYear(_ word: String) -> Bool {
        word.count == 6 && word.hasPrefix("(") && word.hasSuffix(")") && word.dropFirst().dropLast().allSatisfy(\.isNumber)
    }

    /// The title without a trailing "(1977)".
    static func removingYear(_ title: String) -> String {
        var words = title.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.count > 1, let last = words.last, isYear(last) { words.removeLast() }
        return words.joined(separator: " ")
    }
}
