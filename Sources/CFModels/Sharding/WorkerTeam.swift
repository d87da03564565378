import CKernels
import Dispatch
import Foundation

/// A fixed team of threads that runs many small parallel steps cheaply: `nn`'s sharded
/// batches fork a dozen times per batch, which `ParallelLoop` (new threads per call) or a
/// plain semaphore hand-over would make cost more than the work.
///
/// `run(count, body)` gives piece p to member p mod `size` (member 0 is the caller), so
/// who runs a piece is fixed; the pieces must write disjoint memory, and whatever combines
/// them does so in piece order after the call, so nothing depends on `size`. A member
/// waiting for work spins briefly (`spinLimit` pauses) before it sleeps on its semaphore,
/// so back-to-back steps hand over without a sleep and wake-up, and an idle team sleeps.
public final class WorkerTeam: @unchecked Sendable {
    /// Threads that run pieces, the caller included.
    public let size: Int
    private let crew: Crew

    /// A team of `threads` (at least 1; 1 runs every piece on the caller, in order).
    public init(threads: Int) {
        size = max(1, threads)
        crew = Crew(size: size)
        for member in 1..<size {
            // The threads hold the crew, never the team, so the team's deinit can stop them.
            let thread = Thread { [crew] in crew.serve(member) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    deinit {
        crew.stop()
    }

    /// Calls `body(piece)` for every piece in `0..<count`, spread over the team, and
    /// returns when all have returned.
    public func run(_ count: Int, _ body: (Int) -> Void) {
        guard size > 1, count > 1 else {
            for piece in 0..<count { body(piece) }
            return
        }
        withoutActuallyEscaping(body) { body in crew.run(count, body) }
    }

    /// What the team's threads share: the counters, the semaphores and the current step.
    private final class Crew: @unchecked Sendable {
        let size: Int
        /// [generation, pending, stopping], each on its own cache line.
        private let state: UnsafeMutablePointer<Int>
        private let wake: [DispatchSemaphore]
        private let exited = DispatchSemaphore(value: 0)
        /// The current step's body and piece count; written before the generation moves on.
        private var job: Job?
        private let spinLimit = 20_000
        private static let line = 8

        private struct Job {
            let body: (Int) -> Void
            let count: Int
        }

        init(size: Int) {
            self.size = size
            state = .allocate(capacity: 3 * Self.line)
            state.initialize(repeating: 0, count: 3 * Self.line)
            wake = (0..<max(size - 1, 0)).map { _ in DispatchSemaphore(value: 0) }
        }

        deinit { state.deallocate() }

        private func counter(_ index: Int) -> UnsafeMutablePointer<Int> {
            state + index * Self.line
        }

        func run(_ count: Int, _ body: @escaping (Int) -> Void) {
            job = Job(body: body, count: count)
            cf_atomic_store(counter(1), size - 1)
            _ = cf_atomic_add(counter(0), 1)
            for semaphore in wake { semaphore.signal() }
            var piece = 0
            while piece < count {
                body(piece)
                piece += size
            }
            var spins = 0
            while cf_atomic_load(counter(1)) != 0 {
                spins += 1
                if spins < spinLimit { cf_spin_pause() } else { sched_yield() }
            }
            job = nil
        }

        /// Ends every member's loop and waits for them to leave it.
        func stop() {
            guard size > 1 else { return }
            cf_atomic_store(counter(2), 1)
            _ = cf_atomic_add(counter(0), 1)
            for semaphore in wake { semaphore.signal() }
            for _ in 1..<size { exited.wait() }
        }

        /// A member's loop: wait for the next generation, run its pieces, report done.
        func serve(_ member: Int) {
            var seen = 0
            while true {
                var spins = 0
                while cf_atomic_load(counter(0)) == seen && spins < spinLimit {
                    cf_spin_pause()
                    spins += 1
                }
                // One signal per step and member: this returns at once when the spin saw it.
                wake[member - 1].wait()
                seen = cf_atomic_load(counter(0))
                if cf_atomic_load(counter(2)) != 0 { break }
                if let job {
                    var piece = member
                    while piece < job.count {
                        job.body(piece)
                        piece += size
                    }
                }
                _ = cf_atomic_add(counter(1), -1)
            }
            exited.signal()
        }
    }
}
