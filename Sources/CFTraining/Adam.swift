import CFConfig
import CFModels
import CKernels
import Foundation

/// Adam: bias-corrected first and second moment estimates (PyTorch's `Adam`; with
/// decoupled weight decay it is PyTorch's `AdamW` and fastai's `Adam(decouple_wd=True)`).
///
/// For each updated element, with weight w, gradient g, moments m and v, β₁ (the step's
/// `beta1`), β₂, ε = `epsilon`, learning rate lr, weight decay wd and the parameter's
/// step count t:
///
///     g ← g + wd·w        (l2 mode)
///     w ← w − lr·wd·w     (decoupled mode)
///     m ← β₁·m + (1 − β₁)·g
///     v ← β₂·v + (1 − β₂)·g²
///     w ← w − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Bias correction uses the current β₁ (as PyTorch and fastai do when one-cycle varies
/// it). **Step count convention:** t is one counter per parameter, the number of steps
/// that updated it (every step in practice), as in `torch.optim.SparseAdam` and TF's
/// LazyAdam, not a count per row. In lazy mode only touched rows of row-sparse
/// parameters update their m, v and w; untouched rows keep stale moments.
///
/// The update runs in `CKernels` (`cf_adam_rows`, `cf_adam_span`): the same operations in
/// the same order, vectorised, with the next touched rows prefetched.
public final class Adam: Optimizer {
    private let weightDecay: Float
    private let decoupled: Bool
    private let dense: Bool
    private let beta2: Double
    private let epsilon: Float
    private var firstMoment: [[Float]]
    private var secondMoment: [[Float]]
    private var stepCounts: [Int]

    public init(config: OptimizerConfig, parameters: [Parameter]) {
        weightDecay = Float(config.weightDecay)
        decoupled = config.weightDecayMode == .decoupled
        dense = config.dense
        beta2 = config.beta2
        epsilon = Float(config.epsilon)
        firstMoment = zeroState(like: parameters)
        secondMoment = zeroState(like: parameters)
        stepCounts = [Int](repeating: 0, count: parameters.count)
    }

    /// Steps taken by each parameter (t in the update rule).
    public var parameterStepCounts: [Int] { stepCounts }

    public func step(parameters: [Parameter], learningRate: Double, beta1: Double) {
        precondition(parameters.count == stepCounts.count, "Adam: parameters differ from the ones it was built for")
        let lr = Float(learningRate)
        let l2 = decoupled ? 0 : weightDecay
        let shrink = decoupled ? 1 - lr * weightDecay : 1
        let b1 = Float(beta1), b2 = Float(beta2)
        for (index, parameter) in parameters.enumerated() {
            guard dense || parameter.hasUpdate else { continue }
            stepCounts[index] += 1
            let t = Double(stepCounts[index])
            let correction1 = 1 - pow(beta1, t)
            let correction2 = 1 - pow(beta2, t)
            var constants = cf_adam_step(
                beta1: b1, one_minus_beta1: 1 - b1, beta2: b2, one_minus_beta2: 1 - b2, l2: l2, shrink: shrink,
                step_size: Float(learningRate / correction1), inverse_root_correction2: Float(1 / correction2.squareRoot()),
                epsilon: epsilon)
            parameter.values.withUnsafeMutableBufferPointer { w in
                parameter.gradient.withUnsafeBufferPointer { g in
                    firstMoment[index].withUnsafeMutableBufferPointer { m in
                        secondMoment[index].withUnsafeMutableBufferPointer { v in
                            if dense || !parameter.rowSparse {
                                cf_adam_span(w.baseAddress, g.baseAddress, m.baseAddress, v.baseAddress, w.count, &constants)
                            } else {
                                parameter.touchedRows.withUnsafeBufferPointer { rows in
                                    cf_adam_rows(w.baseAddress, g.baseAddress, m.baseAddress, v.baseAddress,
                                                 rows.baseAddress, rows.count, parameter.columns, &constants)
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
