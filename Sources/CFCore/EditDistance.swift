/// "Did you mean" suggestions for misspelt keys and values, by Levenshtein distance.
public enum EditDistance {
    /// The number of single-character insertions, deletions and substitutions from a to b.
    public static func between(_ a: String, _ b: String) -> Int {
        let left = Array(a), right = Array(b)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }

    /// The closest candidate within a third of the word's length (at least 2 edits), if any.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        let scored = candidates.map { ($0, between(word, $0)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// " (did you mean 'x'?)" or a list of what is allowed.
    public static func hint(for word: String, among candidates: [String]) -> String {
        if let best = suggestion(for: word, among: candidates) {
            return " (did you mean '\(best)'?)"
        }
        return "; allowed: \(candidates.joined(separator: ", "))"
    }
}
