import Foundation

/// Named points where a test harness can make the process kill itself, to hit narrow
/// windows (between a commit and its printed line, inside the step loop) deterministically.
///
/// `CFLAB_FAULT=<point>` sends SIGKILL to the process the first time `hit("<point>")` runs;
/// `<point>:<n>` the n-th time; `<point>:<n>:<SIGNAL>` sends that signal instead (`SIGINT`,
/// `SIGTERM`, `SIGHUP`) and then pauses 300 ms, so that the signal's handler has run before
/// the code goes on. Unset, `hit` is one load and one compare: it stays in release builds.
///
/// The points: `after-claim`, `mid-epoch` (at each progress tick of the step loop),
/// `after-epoch-commit-before-print`, `after-epoch-printed`, `during-final-evaluation`,
/// `after-trial-commit-before-print`, `after-trial-printed`, `before-migration`,
/// `during-report` (after the first chart is written, before the swap) and
/// `during-report-swap` (the old report moved aside, the new one not yet in place).
public enum FaultPoint {
    /// What `CFLAB_FAULT` asks for.
    struct Plan: Sendable {
        let point: String
        let occurrence: Int
        let signal: Int32
    }

    /// The environment variable that arms a point.
    public static let variable = "CFLAB_FAULT"

    private static let plan: Plan? = parse(ProcessInfo.processInfo.environment[variable])
    private static let hits = HitCounter()

    /// Kills the process (or sends the planned signal) when `name` is the armed point and
    /// this is the planned occurrence; otherwise does nothing.
    @inline(__always)
    public static func hit(_ name: StaticString) {
        guard let plan else { return }
        fire(name.description, plan: plan)
    }

    private static func fire(_ name: String, plan: Plan) {
        guard name == plan.point, hits.increment() == plan.occurrence else { return }
        kill(getpid(), plan.signal)
        if plan.signal != SIGKILL { usleep(300_000) }
    }

    /// `point[:n[:SIGNAL]]`, or nil for an unset, empty or malformed value.
    static func parse(_ text: String?) -> Plan? {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let point = parts.first, !point.isEmpty, parts.count <= 3 else { return nil }
        let occurrence = parts.count > 1 ? Int(parts[1]) : 1
        guard let occurrence, occurrence >= 1 else { return nil }
        let signals: [String: Int32] = ["SIGKILL": SIGKILL, "SIGINT": SIGINT, "SIGTERM": SIGTERM, "SIGHUP": SIGHUP]
        let signal = parts.count > 2 ? signals[parts[2].uppercased()] : SIGKILL
        guard let signal else { return nil }
        return Plan(point: point, occurrence: occurrence, signal: signal)
    }

    /// How many times the armed point has been reached, across threads.
    private final class HitCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }
}
