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

    /// The number of scalars in the tensor.
    public var count: Int { values.count }
}
