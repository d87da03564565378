import Foundation

/// Timestamps as the store writes them: UTC ISO-8601 text with milliseconds.
///
/// The fixed width (`2025-01-31T12:00:00.000Z`) makes text order equal time order, and
/// SQLite's `julianday()` and `datetime()` read the form directly.
enum StoreClock {
    /// The timestamp text of `date`.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        var seconds = time_t(Int64((milliseconds / 1000).rounded(.down)))
        let fraction = Int(milliseconds - Double(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), fraction
        )
    }

    /// The timestamp text of now.
    static func now() -> String { timestamp(Date()) }
}
