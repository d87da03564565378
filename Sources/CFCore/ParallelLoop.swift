import Dispatch
import Foundation

/// Runs independent pieces of work on a fixed number of threads.
///
/// The pieces must share no mutable state (or write only to disjoint parts of it), and
/// whatever combines their results must do so in piece order after the loop: then a
/// result never depends on `threads`. Workers take the next piece not yet taken, so a
/// worker the system delays holds up only its own piece; with one thread (or one piece)
/// the loop runs on the calling thread, in order.
public enum ParallelLoop {
    /// Calls `body(index)` for every index in `0..<count`, on up to `threads` threads, and
    /// returns when all calls have returned.
    public static func run(_ count: Int, threads: Int, _ body: (Int) -> Void) {
        runOnWorkers(count, threads: threads) { index, _ in body(index) }
    }

    /// `run` that also tells each call which worker runs it (0 ..< min(threads, count)):
    /// one worker runs one piece at a time, so per-worker scratch needs no lock. Which
    /// worker takes which piece varies from run to run; results must not depend on it.
    public static func runOnWorkers(_ count: Int, threads: Int, _ body: (_ index: Int, _ worker: Int) -> Void) {
        let workers = min(max(threads, 1), count)
        guard workers > 1 else {
            for index in 0..<count { body(index, 0) }
            return
        }
        // Threads of our own, not Dispatch's pool: on Linux the pool may run a
        // concurrentPerform on fewer threads than asked when the machine is busy, and a
        // run then takes the time of one thread.
        withoutActuallyEscaping(body) { body in
            // The threads reach the body through `handoff`, emptied once they have all
            // finished, so that nothing holds the closure when the call returns.
            let handoff = Handoff(Work(body: body))
            let next = NextPiece()
            let finished = DispatchSemaphore(value: 0)
            for worker in 1..<workers {
                let thread = Thread {
                    if let work = handoff.work {
                        while let index = next.take(below: count) { work.body(index, worker) }
                    }
                    finished.signal()
                }
                thread.stackSize = 8 << 20
                thread.start()
            }
            if let work = handoff.work {
                while let index = next.take(below: count) { work.body(index, 0) }
            }
            for _ in 1..<workers { finished.wait() }
            handoff.work = nil
        }
    }

    /// Where the workers find the body; emptied after the loop.
    private final class Handoff: @unchecked Sendable {
        var work: Work?

        init(_ work: Work) {
            self.work = work
        }
    }

    /// The loop's body, handed to the workers: the caller's contract (disjoint writes)
    /// is what makes sharing it safe.
    private struct Work: @unchecked Sendable {
        let body: (Int, Int) -> Void
    }

    /// The next piece no worker has taken yet.
    private final class NextPiece: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0

        func take(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// The ranges that split `0..<count` into `pieces` nearly equal consecutive parts
    /// (the first `count % pieces` one longer), skipping empty ones.
    public static func ranges(_ count: Int, pieces: Int) -> [Range<Int>] {
        let pieces = max(1, min(pieces, count))
        let base = count / pieces, extra = count % pieces
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(pieces)
        var start = 0
        for piece in 0..<pieces {
            let length = base + (piece < extra ? 1 : 0)
            if length > 0 { ranges.append(start..<(start + length)) }
            start += length
        }
        return ranges
    }
}

/// A raw pointer that worker threads may share: the caller promises they write only to
/// disjoint elements, and only while the memory it points into stays alive and in place.
public struct SharedPointer<Element>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Element>

    public init(_ base: UnsafeMutablePointer<Element>) {
        self.base = base
    }

    @inline(__always)
    public subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
