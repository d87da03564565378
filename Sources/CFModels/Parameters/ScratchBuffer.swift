/// A reusable work area that grows only when a larger batch asks for more.
///
/// The layers of the neural model keep their activations here (`ScratchBuffer`), and
/// a sharded batch its per-shard sums (`DoubleScratch`), so a training step allocates
/// nothing once the buffers have reached the largest batch size.
final class Scratch<Element: Numeric> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 1)
        pointer = .allocate(capacity: self.capacity)
        pointer.initialize(repeating: 0, count: self.capacity)
    }

    deinit { pointer.deallocate() }

    /// Makes room for `count` elements; the contents are undefined after growing.
    @inline(__always)
    func reserve(_ count: Int) {
        guard count > capacity else { return }
        pointer.deallocate()
        capacity = max(count, capacity * 2)
        pointer = .allocate(capacity: capacity)
        pointer.initialize(repeating: 0, count: capacity)
    }
}

typealias ScratchBuffer = Scratch<Float>
typealias DoubleScratch = Scratch<Double>
