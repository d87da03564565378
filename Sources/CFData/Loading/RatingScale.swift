/// The range every rating of a dataset must lie in, and where that range comes from.
///
/// A MovieLens layout has its release's known scale: 1-5 whole stars for ml-100k,
/// 0.5-5 for the csv (ml-latest-small, ml-20m and later) and `::` (ml-1m, ml-10m)
/// layouts. `data.rating_range` states another. csv and synthetic data have no known
/// scale; without a stated one they take the observed range, and say so in a note.
public struct RatingScale: Equatable, Sendable {
    public var low: Double
    public var high: Double
    /// How a message names the scale: "the ml-100k scale" or "data.rating_range".
    public var origin: String

    public init(low: Double, high: Double, origin: String) {
        self.low = low
        self.high = high
        self.origin = origin
    }

    /// The stated `data.rating_range`, if any.
    init?(stated range: ClosedRange<Double>?) {
        guard let range else { return nil }
        self.init(low: range.lowerBound, high: range.upperBound, origin: "data.rating_range")
    }

    /// The known scale of a MovieLens layout.
    static func known(for layout: MovieLensLayout) -> RatingScale {
        switch layout {
        case .ml100k: return RatingScale(low: 1, high: 5, origin: "the ml-100k scale")
        case .csv: return RatingScale(low: 0.5, high: 5, origin: "the MovieLens ratings.csv scale")
        case .doubleColon: return RatingScale(low: 0.5, high: 5, origin: "the MovieLens ratings.dat scale")
        }
    }

    @inline(__always)
    func contains(_ rating: Float) -> Bool {
        Double(rating) >= low && Double(rating) <= high
    }

    /// `0.5-5`.
    public var text: String { "\(Self.number(low))-\(Self.number(high))" }

    /// Why `rating` (as written) is refused.
    func refusal(_ rating: String) -> String {
        let hint = origin == "data.rating_range" ? "fix the rating or widen data.rating_range"
            : "fix the rating, or state the scale with data.rating_range: [lo, hi]"
        return "rating \(rating) is outside \(origin) \(text); \(hint)"
    }

    /// How every scale note starts, so that a stated range can replace it.
    static let notePrefix = "rating scale:"

    /// The note of data whose scale was not stated: the observed range is taken.
    static func observedNote(_ observed: RatingScale) -> String {
        "\(notePrefix) none stated (data.rating_range), so the observed range \(observed.text) is taken"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
