extension Parameter {
    /// Runs `body` with mutable views of `values` and `gradient`, for kernels that read
    /// one and accumulate into the other without copies or bounds-checked array access.
    @inline(__always)
    public func withBuffers<Result>(
        _ body: (UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<Float>) throws -> Result
    ) rethrows -> Result {
        try values.withUnsafeMutableBufferPointer { values in
            try gradient.withUnsafeMutableBufferPointer { gradient in
                try body(values, gradient)
            }
        }
    }

    /// Marks every row of `rows` as touched (row-sparse parameters only).
    @inline(__always)
    public func touch(_ rows: UnsafeBufferPointer<Int32>) {
        for row in rows { touch(row) }
    }

    /// The number of scalars in the tensor.
    public var count: Int { values.count }
}
