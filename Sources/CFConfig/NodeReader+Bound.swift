extension NodeReader {
    /// The range a number must lie in, with the phrase an error message uses for it.
    enum Bound {
        case any
        /// x > 0.
        case positive
        /// x >= 0.
        case nonNegative
        /// 0 <= x < 1, such as a dropout rate.
        case fraction
        /// 0 < x < 1, such as a validation share.
        case openFraction
        /// 0 <= x <= 1.
        case unit

        func contains(_ value: Double) -> Bool {
            switch self {
            case .any: return true
            case .positive: return value > 0
            case .nonNegative: return value >= 0
            case .fraction: return value >= 0 && value < 1
            case .openFraction: return value > 0 && value < 1
            case .unit: return value >= 0 && value <= 1
            }
        }

        var phrase: String {
            switch self {
            case .any: return "a number"
            case .positive: return "greater than 0"
            case .nonNegative: return "0 or more"
            case .fraction: return "in [0, 1)"
            case .openFraction: return "in (0, 1)"
            case .unit: return "in [0, 1]"
            }
        }
    }
}
