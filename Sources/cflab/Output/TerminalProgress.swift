import CFCore
import CFExperiment
import Foundation

/// Shows long steps on the terminal's status line, such as
/// `reading ratings.csv  42% [############..................] 8.4 of 20.0 MB`.
///
/// Bound for the whole process when standard output is a terminal (`CFLab.main`);
/// piped output never sees it. Redraws at most ten times a second, and the line goes
/// when its phase finishes or the next line is printed.
final class TerminalProgress: ProgressSink {
    private let lastDrawn = LockedValue(Date.distantPast)

    /// The sink for this process: a terminal's, or nil when standard output is piped.
    static var forProcess: TerminalProgress? { Console.isTerminal ? TerminalProgress() : nil }

    func update(_ update: ProgressUpdate) {
        let now = Date()
        let due = lastDrawn.withLock { last -> Bool in
            guard now.timeIntervalSince(last) >= 0.1 || update.done == 0 else { return false }
            last = now
            return true
        }
        if due { Console.status(Self.text(update)) }
    }

    func finish(_ phase: String) {
        Console.clearStatus()
    }

    /// `phase  42% [###...] 8.4 of 20.0 MB`, or `phase…` when the total is unknown.
    static func text(_ update: ProgressUpdate) -> String {
        guard update.total > 0 else { return update.phase + "…" }
        let percent = String(format: "%3.0f%%", update.fraction * 100)
        return "\(update.phase) \(percent) \(Console.bar(update.fraction)) \(amount(update))"
    }

    /// `8.4 of 20.0 MB`, `1,200 of 9,725 users`.
    static func amount(_ update: ProgressUpdate) -> String {
        switch update.unit {
        case .bytes:
            let megabytes = 1024.0 * 1024.0
            return String(format: "%.1f of %.1f MB", Double(update.done) / megabytes, Double(update.total) / megabytes)
        case let .count(noun):
            return "\(grouped(update.done)) of \(grouped(update.total)) \(noun)"
        }
    }

    /// An integer with a comma between each group of three digits.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
