import CFCore

extension RatingPredictor {
    public var predictsConcurrently: Bool { false }
}

extension RatingModel {
    public var buffers: [Parameter] { [] }

    public var factorForm: FactorForm? { nil }

    public func finishEpoch() {}

    /// Everything a saved model must hold: the parameters, then the buffers.
    public var savedTensors: [Parameter] { parameters + buffers }

    /// The parameter or buffer called `name`, if any.
    public func tensor(named name: String) -> Parameter? {
        savedTensors.first { $0.name == name }
    }

    /// The number of trainable scalars.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Clears every parameter's gradient.
    public func zeroGradients() {
        for parameter in parameters { parameter.zeroGradient() }
    }

    /// `predict` over arrays, for tests, reports and small queries.
    public func predict(users: [Int32], items: [Int32]) -> [Float] {
        var output = [Float](repeating: 0, count: users.count)
        users.withUnsafeBufferPointer { users in
            items.withUnsafeBufferPointer { items in
                output.withUnsafeMutableBufferPointer { output in
                    predict(users: users, items: items, into: output)
                }
            }
        }
        return output
    }

    /// `forwardBackward` over arrays, for tests and small batches.
    public func forwardBackward(
        users: [Int32], items: [Int32], ratings: [Float], random: inout Xoshiro256StarStar
    ) -> Double {
        users.withUnsafeBufferPointer { users in
            items.withUnsafeBufferPointer { items in
                ratings.withUnsafeBufferPointer { ratings in
                    forwardBackward(RatingBatch(users: users, items: items, ratings: ratings), random: &random)
                }
            }
        }
    }
}
