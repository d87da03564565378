import CFConfig
import CFModels

/// AdamW: Adam with decoupled ("true") weight decay, whatever `weightDecayMode` says.
///
/// For each updated element, in the symbols of `Adam`:
///
///     w ← w − lr·wd·w
///     m ← β₁·m + (1 − β₁)·g
///     v ← β₂·v + (1 − β₂)·g²
///     w ← w − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// This is PyTorch's `AdamW` and fastai's default optimiser (`Adam` with
/// `decouple_wd=True`); the step-count and lazy-row conventions are `Adam`'s.
public final class AdamW: Optimizer {
    private let adam: Adam

    public init(config: OptimizerConfig, parameters: [Parameter], threads: Int = 1, flushesSubnormals: Bool = true) {
        var decoupled = config
        decoupled.weightDecayMode = .decoupled
        adam = Adam(config: decoupled, parameters: parameters, threads: threads, flushesSubnormals: flushesSubnormals)
    }

    public func step(parameters: [Parameter], learningRate: Double, beta1: Double) {
        adam.step(parameters: parameters, learningRate: learningRate, beta1: beta1)
    }

    public func stepRows(
        parameters: [Parameter], tables: [TableBuffers], lane: Int, step: Int, learningRate: Double, beta1: Double
    ) {
        adam.stepRows(parameters: parameters, tables: tables, lane: lane, step: step, learningRate: learningRate, beta1: beta1)
    }
}
