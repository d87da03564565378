import CFModels

/// A copy of every parameter's values, taken into arrays allocated once.
///
/// Early stopping captures the best epoch's parameters here and restores them at the end.
public struct ParameterSnapshot: Sendable, Equatable {
    /// Parameter names, in the model's order.
    public let names: [String]
    /// Values of each parameter, row-major, in the model's order.
    public private(set) var values: [[Float]]

    /// A zero-filled snapshot shaped like `parameters`.
    public init(shapedLike parameters: [Parameter]) {
        names = parameters.map(\.name)
        values = parameters.map { [Float](repeating: 0, count: $0.rows * $0.columns) }
    }

    /// Copies the current values of `parameters` (or any tensors, such as `savedTensors`) in (no allocation).
    public mutating func capture(from parameters: [Parameter]) {
        precondition(parameters.count == values.count, "snapshot shaped for other parameters")
        for (index, parameter) in parameters.enumerated() {
            values[index].withUnsafeMutableBufferPointer { target in
                parameter.values.withUnsafeBufferPointer { source in
                    precondition(source.count == target.count, "\(parameter.name): snapshot shape differs")
                    _ = target.update(fromContentsOf: source)
                }
            }
        }
    }

    /// Copies the snapshot back into `parameters` (no allocation).
    public func restore(into parameters: [Parameter]) {
        precondition(parameters.count == values.count, "snapshot shaped for other parameters")
        for (index, parameter) in parameters.enumerated() {
            values[index].withUnsafeBufferPointer { source in
                parameter.values.withUnsafeMutableBufferPointer { target in
                    precondition(source.count == target.count, "\(parameter.name): snapshot shape differs")
                    _ = target.update(fromContentsOf: source)
                }
            }
        }
    }

    /// The values of the parameter called `name`, if any.
    public func values(named name: String) -> [Float]? {
        names.firstIndex(of: name).map { values[$0] }
    }
}
