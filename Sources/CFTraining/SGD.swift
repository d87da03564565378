import CFConfig
import CFCore
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
/// v = g, so the step reads and writes one array less. The update runs in `CKernels`;
/// dense updates of large tensors split over `threads` threads (element-wise: the same bits).
public final class SGD: Optimizer {
    private let weightDecay: Float
    private let decoupled: Bool
    private let dense: Bool
    private let threads: Int
    private var velocity: [StateBuffer]
    private let flushesSubnormals: Bool

    /// - Parameter keepsVelocity: whether any step can have momentum (default: the
    ///   configured momentum is not 0; one-cycle's `moms` cycle it, see `OptimizerFactory`).
    /// - Parameter flushesSubnormals: as `Adam`'s (semantics 4 on).
    public init(
        config: OptimizerConfig, parameters: [Parameter], keepsVelocity: Bool? = nil, threads: Int = 1,
        flushesSubnormals: Bool = true
    ) {
        self.threads = threads
        self.flushesSubnormals = flushesSubnormals
        weightDecay = Float(config.weightDecay)
        decoupled = config.weightDecayMode == .decoupled
        dense = config.dense
        velocity = keepsVelocity ?? (config.momentum != 0) ? zeroState(like: parameters) : []
    }

    public func step(parameters: [Parameter], learningRate: Double, beta1: Double) {
        // A momentum no step was expected to have starts its velocity at zero.
        if beta1 != 0, velocity.isEmpty { velocity = zeroState(like: parameters) }
        precondition(velocity.isEmpty || parameters.count == velocity.count, "SGD: parameters differ from the ones it was built for")
        parameters.requireTableGradients("SGD")
        var constants = stepConstants(learningRate: learningRate, beta1: beta1)
        for (index, parameter) in parameters.enumerated() {
            parameter.withBuffers { w, g in
                update(parameter, index, TableBuffers(values: w, gradient: g), rows: parameter.touchedRows, compact: nil,
                       constants: &constants)
            }
        }
    }

    public func stepRows(
        parameters: [Parameter], tables: [TableBuffers], lane: Int, step: Int, learningRate: Double, beta1: Double
    ) {
        precondition(!dense && (beta1 == 0 || velocity.count == parameters.count),
                     "SGD: a lane step needs lazy mode, and its velocity kept from the start when it has momentum")
        var constants = stepConstants(learningRate: learningRate, beta1: beta1)
        for (index, parameter) in parameters.enumerated() {
            update(parameter, index, tables[index], rows: parameter.touchedRows(lane: lane),
                   compact: parameter.compactGradient(lane: lane), constants: &constants)
        }
    }

    private func stepConstants(learningRate: Double, beta1: Double) -> cf_sgd_step {
        let lr = Float(learningRate)
        return cf_sgd_step(
            momentum: Float(beta1), l2: decoupled ? 0 : weightDecay, shrink: decoupled ? 1 - lr * weightDecay : 1,
            learning_rate: lr, flush_subnormals: flushesSubnormals ? 1 : 0)
    }

    /// Updates parameter `index` through `table`: all of it when dense or not row-sparse, else
    /// `rows`, whose gradient is `compact`'s rows in list order when given (a block lane's).
    private func update(
        _ parameter: Parameter, _ index: Int, _ table: TableBuffers, rows: [Int32], compact: UnsafeMutablePointer<Float>?,
        constants: inout cf_sgd_step
    ) {
        guard let w = table.values.baseAddress, let g = compact ?? table.gradient.baseAddress else { return }
        let v = velocity.isEmpty ? nil : velocity[index].base
        if dense || !parameter.rowSparse {
            let step = constants
            forEachDensePiece(table.values.count, threads: threads) { start, length in
                var constants = step
                cf_sgd_span(w + start, g + start, v.map { $0 + start }, length, &constants)
            }
        } else {
            rows.withUnsafeBufferPointer { rows in
                cf_sgd_rows(w, g, v, rows.baseAddress, rows.count, parameter.columns, compact == nil ? 0 : 1, &constants)
            }
        }
    }
}
