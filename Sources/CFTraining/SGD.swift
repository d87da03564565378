import CFConfig
import CFModels
import CKernels

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
///
/// Without momentum (μ = 0 at every step: `keepsVelocity` false) no velocity is kept:
/// v = g, so the step reads and writes one array less. The update runs in `CKernels`.
public final class SGD: Optimizer {
    private let weightDecay: Float
    private let decoupled: Bool
    private let dense: Bool
    private var velocity: [[Float]]

    /// - Parameter keepsVelocity: whether any step can have momentum (default: the
    ///   configured momentum is not 0; one-cycle's `moms` cycle it, see `OptimizerFactory`).
    public init(config: OptimizerConfig, parameters: [Parameter], keepsVelocity: Bool? = nil) {
        weightDecay = Float(config.weightDecay)
        decoupled = config.weightDecayMode == .decoupled
        dense = config.dense
        velocity = keepsVelocity ?? (config.momentum != 0) ? zeroState(like: parameters) : []
    }

    public func step(parameters: [Parameter], learningRate: Double, beta1: Double) {
        // A momentum no step was expected to have starts its velocity at zero.
        if beta1 != 0, velocity.isEmpty { velocity = zeroState(like: parameters) }
        precondition(velocity.isEmpty || parameters.count == velocity.count, "SGD: parameters differ from the ones it was built for")
        let lr = Float(learningRate)
        let l2 = decoupled ? 0 : weightDecay
        var constants = cf_sgd_step(momentum: Float(beta1), l2: l2, shrink: decoupled ? 1 - lr * weightDecay : 1, learning_rate: lr)
        for (index, parameter) in parameters.enumerated() {
            parameter.values.withUnsafeMutableBufferPointer { w in
                parameter.gradient.withUnsafeBufferPointer { g in
                    withVelocity(index) { v in
                        if dense || !parameter.rowSparse {
                            cf_sgd_span(w.baseAddress, g.baseAddress, v, w.count, &constants)
                        } else {
                            parameter.touchedRows.withUnsafeBufferPointer { rows in
                                cf_sgd_rows(w.baseAddress, g.baseAddress, v, rows.baseAddress, rows.count, parameter.columns, &constants)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Calls `body` with parameter `index`'s velocity, or nil when none is kept.
    private func withVelocity(_ index: Int, _ body: (UnsafeMutablePointer<Float>?) -> Void) {
        guard !velocity.isEmpty else { return body(nil) }
        velocity[index].withUnsafeMutableBufferPointer { body($0.baseAddress) }
    }
}
