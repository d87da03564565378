import CFConfig
import CFModels

/// Adagrad: per-element learning rates from the running sum of squared gradients
/// (PyTorch's `Adagrad` with no lr decay and a zero initial accumulator).
///
/// For each updated element, with weight w, gradient g, accumulator s, learning rate
/// lr, weight decay wd and ε = `epsilon`:
///
///     g ← g + wd·w        (l2 mode)
///     w ← w − lr·wd·w     (decoupled mode)
///     s ← s + g²
///     w ← w − lr·g / (√s + ε)
///
/// Lazy mode updates only touched rows of row-sparse parameters; `beta1` is ignored.
public final class Adagrad: Optimizer {
    private let weightDecay: Float
    private let decoupled: Bool
    private let dense: Bool
    private let epsilon: Float
    private let squaredSum: [StateBuffer]

    public init(config: OptimizerConfig, parameters: [Parameter]) {
        weightDecay = Float(config.weightDecay)
        decoupled = config.weightDecayMode == .decoupled
        dense = config.dense
        epsilon = Float(config.epsilon)
        squaredSum = zeroState(like: parameters)
    }

    public func step(parameters: [Parameter], learningRate: Double, beta1: Double) {
        precondition(parameters.count == squaredSum.count, "Adagrad: parameters differ from the ones it was built for")
        parameters.requireTableGradients("Adagrad")
        for (index, parameter) in parameters.enumerated() {
            parameter.withBuffers { w, g in
                update(index, w, g, learningRate: learningRate) { body in
                    parameter.forEachUpdateSpan(dense: dense) { body($0, $0.lowerBound) }
                }
            }
        }
    }

    public func stepRows(
        parameters: [Parameter], tables: [TableBuffers], lane: Int, step: Int, learningRate: Double, beta1: Double
    ) {
        precondition(!dense && parameters.count == squaredSum.count, "Adagrad: a lane step needs lazy mode and its own parameters")
        for (index, parameter) in parameters.enumerated() {
            let gradient = parameter.compactGradient(lane: lane)
                .map { UnsafeMutableBufferPointer(start: $0, count: parameter.touchedRows(lane: lane).count * parameter.columns) }
            update(index, tables[index].values, gradient ?? tables[index].gradient, learningRate: learningRate) {
                parameter.forEachUpdateSpan(lane: lane, $0)
            }
        }
    }

    /// Updates the element ranges `spans` yields of parameter `index` (each with where its
    /// gradient starts in `g`) through `w` and `g`.
    private func update(
        _ index: Int, _ w: UnsafeMutableBufferPointer<Float>, _ g: UnsafeMutableBufferPointer<Float>, learningRate: Double,
        spans: ((Range<Int>, Int) -> Void) -> Void
    ) {
        let lr = Float(learningRate)
        let l2 = decoupled ? 0 : weightDecay
        let shrink = decoupled ? 1 - lr * weightDecay : 1
        let epsilon = epsilon
        let s = squaredSum[index].buffer
        spans { span, gradientStart in
            for k in span {
                let gradient = g[gradientStart + k - span.lowerBound] + l2 * w[k]
                s[k] += gradient * gradient
                w[k] = shrink * w[k] - lr * gradient / (s[k].squareRoot() + epsilon)
            }
        }
    }
}
