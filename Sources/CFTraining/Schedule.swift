import CFConfig
import Foundation

/// The learning rate and first-moment coefficient (β₁ or SGD momentum) of every step.
///
/// With base learning rate lr, base coefficient β (the optimiser's β₁ or momentum) and
/// position p = step / totalSteps:
/// - `constant`: (lr, β).
/// - `one_cycle` (fastai `fit_one_cycle`): for p < pct_start, lr goes from lr/div to lr
///   and β₁ from moms[0] to moms[1]; then lr goes to lr/final_div and β₁ to moms[2].
///   Each phase is a cosine annealing `a + (b − a)·(1 − cos(π·q))/2` over the phase's
///   own position q ∈ [0, 1), exactly fastai's `combined_cos`.
/// - `cosine`: with W = round(warmup·totalSteps) warmup steps, lr·(step + 1)/W during
///   warmup, then floor + (lr − floor)·(1 + cos(π·q))/2 with floor = min_lr·lr and q the
///   position within the remaining steps; β constant.
/// - `step`: lr·gamma^⌊epoch/step_size⌋ with epoch = ⌊step/stepsPerEpoch⌋; β constant.
public struct Schedule: Equatable, Sendable {
    public let config: ScheduleConfig
    public let learningRate: Double
    public let beta1: Double

    /// - Parameters:
    ///   - learningRate: the base (peak) learning rate, `optimizer.lr`.
    ///   - beta1: the optimiser's base first-moment coefficient, used when not cycled.
    public init(config: ScheduleConfig, learningRate: Double, beta1: Double) {
        self.config = config
        self.learningRate = learningRate
        self.beta1 = beta1
    }

    /// The values of step `step` (0-based) of a run of `totalSteps` steps.
    public func value(step: Int, totalSteps: Int, stepsPerEpoch: Int) -> (learningRate: Double, beta1: Double) {
        let total = max(totalSteps, 1)
        switch config.kind {
        case .constant:
            return (learningRate, beta1)
        case .oneCycle:
            let position = Double(step) / Double(total)
            let moms = config.moms.count == 3 ? config.moms : [beta1, beta1, beta1]
            return (
                Self.combinedCosine(position, pctStart: config.pctStart, learningRate / config.div, learningRate, learningRate / config.finalDiv),
                Self.combinedCosine(position, pctStart: config.pctStart, moms[0], moms[1], moms[2])
            )
        case .cosine:
            let floor = config.minLR * learningRate
            let warmupSteps = Int((config.warmup * Double(total)).rounded())
            if step < warmupSteps {
                return (learningRate * Double(step + 1) / Double(warmupSteps), beta1)
            }
            let progress = Double(step - warmupSteps) / Double(max(total - warmupSteps, 1))
            return (floor + (learningRate - floor) * (1 + cos(Double.pi * min(progress, 1))) / 2, beta1)
        case .step:
            let epoch = step / max(stepsPerEpoch, 1)
            let decays = epoch / max(config.stepSize, 1)
            return (learningRate * pow(config.gamma, Double(decays)), beta1)
        }
    }

    /// fastai's `SchedCos(start, end)` at position `position` ∈ [0, 1].
    static func cosineAnnealing(_ position: Double, from start: Double, to end: Double) -> Double {
        start + (1 + cos(Double.pi * (1 - position))) * (end - start) / 2
    }

    /// fastai's `combined_cos(pct, start, middle, end)`: two cosine phases split at `pctStart`.
    static func combinedCosine(_ position: Double, pctStart: Double, _ start: Double, _ middle: Double, _ end: Double) -> Double {
        if position >= 1 { return end }
        if position < pctStart {
            return cosineAnnealing(position / pctStart, from: start, to: middle)
        }
        let phase = pctStart >= 1 ? 1 : (position - pctStart) / (1 - pctStart)
        return cosineAnnealing(phase, from: middle, to: end)
    }
}
