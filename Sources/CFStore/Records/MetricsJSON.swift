import CFCore

/// Metric maps as JSON text: canonical (sorted keys), with non-finite values written as
/// the strings `"NaN"`, `"Infinity"` and `"-Infinity"` and read back as numbers.
enum MetricsJSON {
    /// Canonical JSON of `metrics`.
    static func encode(_ metrics: [String: Double]) -> String {
        JSONValue.object(metrics.map { ($0.key, JSONValue.double($0.value)) }).canonical
    }

    /// The metrics of JSON text written by `encode`; nil when it is not an object of numbers.
    static func decode(_ text: String) -> [String: Double]? {
        guard let pairs = (try? JSONValue.parse(text))?.objectValue else { return nil }
        var metrics: [String: Double] = [:]
        for (name, value) in pairs {
            guard let number = number(value) else { return nil }
            metrics[name] = number
        }
        return metrics
    }

    private static func number(_ value: JSONValue) -> Double? {
        switch value {
        case let .string(text):
            switch text {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default: return nil
            }
        default:
            return value.doubleValue
        }
    }
}
