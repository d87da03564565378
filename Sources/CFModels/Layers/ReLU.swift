/// The rectifier max(0, z), applied in place, with its backward pass.
///
/// Backward: ∂L/∂z = ∂L/∂a where a = max(0, z) > 0, else 0 (PyTorch's choice at z = 0).
enum ReLU {
    @inline(__always)
    static func forward(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count where !(values[index] > 0) { values[index] = 0 }
    }

    /// Zeroes `gradient` wherever the activation `activated` is not positive.
    @inline(__always)
    static func backward(activated: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count where !(activated[index] > 0) { gradient[index] = 0 }
    }
}
