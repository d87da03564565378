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

/// Open views of one parameter's `values` and `gradient`.
///
/// Lanes that train at once (block training) must not open the arrays themselves: an
/// array lends its storage by moving out of its variable for the call, so a second
/// thread opening it then would see an empty array. The calling thread opens every
/// parameter once (`withTables`) and hands the views to the lanes.
public struct TableBuffers {
    public let values: UnsafeMutableBufferPointer<Float>
    public let gradient: UnsafeMutableBufferPointer<Float>

    public init(values: UnsafeMutableBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>) {
        self.values = values
        self.gradient = gradient
    }
}

extension Array where Element == Parameter {
    /// Runs `body` with every parameter's buffers open, in order.
    public func withTables<Result>(_ body: ([TableBuffers]) throws -> Result) rethrows -> Result {
        try Self.open(self[...], into: [], body)
    }

    private static func open<Result>(
        _ rest: ArraySlice<Parameter>, into opened: [TableBuffers], _ body: ([TableBuffers]) throws -> Result
    ) rethrows -> Result {
        guard let first = rest.first else { return try body(opened) }
        return try first.withBuffers { values, gradient in
            try open(rest.dropFirst(), into: opened + [TableBuffers(values: values, gradient: gradient)], body)
        }
    }
}
