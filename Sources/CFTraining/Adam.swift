import CFConfig
import CFCore
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
/// the same order, vectorised, with the next touched rows prefetched. Dense updates of
/// large tensors split over `threads` threads (element-wise, so the same bits).
public final class Adam: Optimizer {
    private let weightDecay: Float
    private let decoupled: Bool
    private let dense: Bool
    private let beta2: Double
    private let epsilon: Float
    private let firstMoment: [StateBuffer]
    private let secondMoment: [StateBuffer]
    private var stepCounts: [Int]
    private let threads: Int
    private let flushesSubnormals: Bool

    /// - Parameter flushesSubnormals: count subnormal inputs and results of the update as
    ///   zero (`RunSemantics.flushesSubnormals`; semantics 4 on).
    public init(config: OptimizerConfig, parameters: [Parameter], threads: Int = 1, flushesSubnormals: Bool = true) {
        self.threads = threads
        self.flushesSubnormals = flushesSubnormals
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
        parameters.requireTableGradients("Adam")
        for (index, parameter) in parameters.enumerated() {
            guard dense || parameter.hasUpdate else { continue }
            stepCounts[index] += 1
            var constants = stepConstants(t: stepCounts[index], learningRate: learningRate, beta1: beta1)
            parameter.withBuffers { w, g in
                update(parameter, index, TableBuffers(values: w, gradient: g), rows: parameter.touchedRows, compact: nil,
                       constants: &constants)
            }
        }
    }

    public func stepRows(
        parameters: [Parameter], tables: [TableBuffers], lane: Int, step: Int, learningRate: Double, beta1: Double
    ) {
        precondition(!dense && parameters.count == stepCounts.count, "Adam: a lane step needs lazy mode and its own parameters")
        var constants = stepConstants(t: step + 1, learningRate: learningRate, beta1: beta1)
        for (index, parameter) in parameters.enumerated() {
            let rows = parameter.touchedRows(lane: lane)
            guard !parameter.rowSparse || !rows.isEmpty else { continue }
            update(parameter, index, tables[index], rows: rows, compact: parameter.compactGradient(lane: lane), constants: &constants)
        }
    }

    /// The kernel's constants for step count `t`.
    private func stepConstants(t: Int, learningRate: Double, beta1: Double) -> cf_adam_step {
        let lr = Float(learningRate)
        let b1 = Float(beta1), b2 = Float(beta2)
        let correction1 = 1 - pow(beta1, Double(t))
        let correction2 = 1 - pow(beta2, Double(t))
        return cf_adam_step(
            beta1: b1, one_minus_beta1: 1 - b1, beta2: b2, one_minus_beta2: 1 - b2,
            l2: decoupled ? 0 : weightDecay, shrink: decoupled ? 1 - lr * weightDecay : 1,
            step_size: Float(learningRate / correction1), inverse_root_correction2: Float(1 / correction2.squareRoot()),
            epsilon: epsilon, flush_subnormals: flushesSubnormals ? 1 : 0)
    }

    /// Updates parameter `index` through `table`: all of it when dense or not row-sparse, else
    /// `rows`, whose gradient is `compact`'s rows in list order when given (a block lane's).
    private func update(
        _ parameter: Parameter, _ index: Int, _ table: TableBuffers, rows: [Int32], compact: UnsafeMutablePointer<Float>?,
        constants: inout cf_adam_step
    ) {
        guard let w = table.values.baseAddress, let g = compact ?? table.gradient.baseAddress,
              let m = firstMoment[index].base, let v = secondMoment[index].base else { return }
        if dense || !parameter.rowSparse {
            let step = constants
            forEachDensePiece(table.values.count, threads: threads) { start, length in
                var constants = step
                cf_adam_span(w + start, g + start, m + start, v + start, length, &constants)
            }
        } else {
            rows.withUnsafeBufferPointer { rows in
                cf_adam_rows(w, g, m, v, rows.baseAddress, rows.count, parameter.columns, compact == nil ? 0 : 1, &constants)
            }
        }
    }
}
