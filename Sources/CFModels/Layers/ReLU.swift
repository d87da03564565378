import CKernels

/// The rectifier max(0, z), with its backward pass; the loops run in `CKernels`
/// (`cf_relu_forward`, `cf_relu_backward`), branch-free and vectorised.
///
/// Forward: a = z where z > 0, else +0 (a NaN or −0 becomes +0). Backward:
/// ∂L/∂z = ∂L/∂a where z > 0, else 0 (PyTorch's choice at z = 0); z > 0 exactly where
/// a > 0, so either may give the mask.
enum ReLU {
    /// Rectifies `count` values from `input` into `output` (the same pointer for in place).
    @inline(__always)
    static func forward(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, count: Int) {
        cf_relu_forward(input, output, count)
    }

    /// Zeroes `gradient` wherever `activated` (the values after or before the rectifier) is not positive.
    @inline(__always)
    static func backward(activated: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, count: Int) {
        cf_relu_backward(activated, gradient, count)
    }

    /// The Swift reference the kernels are tested against: the same selects, one element at a time.
    static func referenceForward(_ values: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count where !(values[index] > 0) { values[index] = 0 }
    }

    static func referenceBackward(activated: UnsafePointer<Float>, gradient: UnsafeMutablePointer<Float>, count: Int) {
        for index in 0..<count where !(activated[index] > 0) { gradient[index] = 0 }
    }
}
