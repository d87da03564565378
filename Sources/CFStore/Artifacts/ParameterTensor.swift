/// One trained tensor as the store keeps it: name, shape (outermost first), row-major values.
public struct ParameterTensor: Equatable, Sendable {
    public var name: String
    public var shape: [Int]
    public var values: [Float]

    public init(name: String, shape: [Int], values: [Float]) {
        self.name = name
        self.shape = shape
        self.values = values
    }

    /// Bitwise equality, so that NaN payloads and signed zeros compare as stored.
    public static func == (lhs: ParameterTensor, rhs: ParameterTensor) -> Bool {
        lhs.name == rhs.name && lhs.shape == rhs.shape && lhs.values.map(\.bitPattern) == rhs.values.map(\.bitPattern)
    }
}

/// Which parameters of a run are kept: those of the best epoch, or of the last one.
public enum ParameterSet: String, CaseIterable, Sendable {
    case best
    case final
}
