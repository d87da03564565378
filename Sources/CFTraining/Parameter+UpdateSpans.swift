import CFModels

extension Parameter {
    /// Calls `body` with each range of flat indices one optimiser step updates.
    ///
    /// The whole tensor when `dense` is true or the parameter is not row-sparse;
    /// otherwise one range per touched row (lazy updates). Reads neither `values` nor
    /// `gradient`, so callers may hold their buffers open while iterating.
    @inline(__always)
    func forEachUpdateSpan(dense: Bool, _ body: (Range<Int>) -> Void) {
        let width = columns
        if dense || !rowSparse {
            body(0..<(rows * width))
            return
        }
        for row in touchedRows {
            let start = Int(row) * width
            body(start..<(start + width))
        }
    }

    /// `forEachUpdateSpan(dense: false, _:)` over the rows lane `lane` touched, each with
    /// where its gradient starts: in the table, or in the lane's compact gradient (the
    /// p-th touched row's at p · columns; `compactGradient(lane:)`).
    @inline(__always)
    func forEachUpdateSpan(lane: Int, _ body: (Range<Int>, Int) -> Void) {
        let width = columns
        guard rowSparse else { return body(0..<(rows * width), 0) }
        let compact = hasCompactGradient(lane: lane)
        for (place, row) in touchedRows(lane: lane).enumerated() {
            let start = Int(row) * width
            body(start..<(start + width), compact ? place * width : start)
        }
    }

    /// Whether a lazy step would update anything: not row-sparse, or some row touched.
    var hasUpdate: Bool { !rowSparse || !touchedRows.isEmpty }
}

extension Array where Element == Parameter {
    /// Stops a serial step (`Optimizer.step`) over parameters whose lane 0 keeps its
    /// gradient in a compact buffer (block training's, `prepareLanes(_:compact:)`): the
    /// serial step reads the gradient in the tables, and would step those rows with zeros.
    func requireTableGradients(_ optimizer: String) {
        precondition(!contains { $0.hasCompactGradient(lane: 0) },
                     "\(optimizer): a serial step over a parameter whose lane 0 keeps a compact gradient (block training's)")
    }
}

/// One optimiser state tensor (a moment, a velocity, a sum of squares): zeroed Floats at
/// a fixed address for the optimiser's life, so that block-training lanes can update
/// disjoint rows of it at once without opening an array (see `TableBuffers`).
final class StateBuffer {
    let buffer: UnsafeMutableBufferPointer<Float>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        HugePages.advise(buffer.baseAddress, count: count)
        buffer.initialize(repeating: 0)
    }

    deinit { buffer.deallocate() }

    var base: UnsafeMutablePointer<Float>? { buffer.baseAddress }
}

/// Zero-filled state shaped like `parameters`, one buffer per parameter.
func zeroState(like parameters: [Parameter]) -> [StateBuffer] {
    parameters.map { StateBuffer(count: $0.rows * $0.columns) }
}
