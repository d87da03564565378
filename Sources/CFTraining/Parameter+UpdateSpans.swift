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

    /// Whether a lazy step would update anything: not row-sparse, or some row touched.
    var hasUpdate: Bool { !rowSparse || !touchedRows.isEmpty }
}

/// Zero-filled state arrays shaped like `parameters`, one per parameter.
func zeroState(like parameters: [Parameter]) -> [[Float]] {
    parameters.map { [Float](repeating: 0, count: $0.rows * $0.columns) }
}
