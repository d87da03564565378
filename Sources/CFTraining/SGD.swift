import CFConfig
import CFModels

/// Stochastic gradient descent with momentum (PyTorch's `SGD`, no dampening, no Nesterov).
///
/// For each updated element, with weight w, gradient g, velocity v, momentum μ (the
/// step's `beta1`), learning rate lr and weight decay wd:
///
///     g ← g + wd·w        (l2 mode)
///     w ← w − lr·wd·w     (decoupled mode)
///     v ← μ·v + g
///     w ← w − lr·v
///
/// With μ = 0 this is plain SGD, w ← w − lr·g. Lazy mode updates only touched rows of
/// row-sparse parameters (their velocity too); see `Optimizer` for the dense mode.
public final class SGD: Optimizer {
    private let weightDecay: Float
    private let decoupled: Bool
    private let dense: Bool
    private var velocity: [[Float]]

    public init(config: OptimizerConfig, parameters: [Parameter]) {
        weightDecay = Float(config.weightDecay)
        decoupled = config.weightDecayMode == .decoupled
        dense = config.dense
        velocity = zeroState(like: parameters)
    }

    public func step(parameters: [Parameter], learningRate: Double, beta1: Double) {
        precondition(parameters.count == velocity.count, "SGD: parameters differ from the ones it was built for")
        let lr = Float(learningRate)
        let momentum = Float(beta1)
        let l2 = decoupled ? 0 : weightDecay
        let shrink = decoupled ? 1 - lr * weightDecay : 1
        for (index, parameter) in parameters.enumerated() {
            parameter.values.withUnsafeMutableBufferPointer { w in
                parameter.gradient.withUnsafeBufferPointer { g in
                    velocity[index].withUnsafeMutableBufferPointer { v in
                        parameter.forEachUpdateSpan(dense: dense) { span in
                            for k in span {
                                let gradient = g[k] + l2 * w[k]
                                v[k] = momentum * v[k] + gradient
                                w[k] = shrink * w[k] - lr * v[k]
                            }
                        }
                    }
                }
            }
        }
    }
}
