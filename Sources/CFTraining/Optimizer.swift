import CFConfig
import CFCore
import CFModels

/// A rule that turns accumulated gradients into parameter updates, one step at a time.
///
/// An optimiser owns one contiguous `[Float]` state array per parameter and per moment,
/// allocated once in `init`; `step` allocates nothing. The parameters passed to `step`
/// must be the ones given to `init`, in the same order.
///
/// Which rows move:
/// - **lazy** (`dense: false`): a row-sparse parameter updates only its `touchedRows`
///   (values, moments and weight decay alike); untouched rows and their moments stay as
///   they were. Parameters that are not row-sparse always update fully.
/// - **dense** (`dense: true`, PyTorch semantics): every row of every parameter updates
///   every step; rows with zero gradient still move by their moments and decay.
///
/// Weight decay (`weightDecay` = wd) is applied to every parameter in one of two modes:
/// - `l2`: g ← g + wd·w before the moments (the gradient of wd/2·Σw²);
/// - `decoupled`: w ← w − lr·wd·w before the gradient step ("true weight decay").
public protocol Optimizer: AnyObject {
    /// Applies one update to `parameters` from their current gradients.
    ///
    /// - Parameters:
    ///   - learningRate: the scheduled learning rate lr of this step.
    ///   - beta1: the scheduled first-moment coefficient of this step: Adam's β₁, SGD's
    ///     momentum μ (one-cycle cycles it); Adagrad ignores it.
    func step(parameters: [Parameter], learningRate: Double, beta1: Double)

    /// One lazy step over the rows lane `lane` touched (`Parameter.touchedRows(lane:)`),
    /// as the run's step number `step` (0-based), for block training; `tables` are the
    /// parameters' open buffers (`withTables`).
    ///
    /// The lanes of a stratum call this at the same time on disjoint rows, so it reads
    /// and writes only those rows' values and state (kept at fixed addresses,
    /// `StateBuffer`) and changes nothing shared: Adam's t is `step + 1` (the run's
    /// steps so far), not its own counter. Lazy mode only.
    func stepRows(
        parameters: [Parameter], tables: [TableBuffers], lane: Int, step: Int, learningRate: Double, beta1: Double)
}

/// The element ranges a dense update of `count` elements splits into on `threads`
/// threads: whole tensors below a quarter of a million elements, otherwise pieces of
/// 64-element multiples. Each element's update reads and writes only that element, so
/// how the ranges fall never changes a bit.
/// Calls `body(start, length)` for each piece of a dense update of `count` elements, on
/// up to `threads` threads (`denseUpdatePieces`).
func forEachDensePiece(_ count: Int, threads: Int, _ body: (_ start: Int, _ length: Int) -> Void) {
    let pieces = denseUpdatePieces(count, threads: threads)
    ParallelLoop.run(pieces.count, threads: threads) { piece in body(pieces[piece].lowerBound, pieces[piece].count) }
}

func denseUpdatePieces(_ count: Int, threads: Int) -> [Range<Int>] {
    guard threads > 1, count >= 1 << 18 else { return [0..<count] }
    let pieces = threads * 4
    let length = (count / pieces + 63) / 64 * 64
    return stride(from: 0, to: count, by: length).map { $0..<min($0 + length, count) }
}

/// Builds the optimiser an `OptimizerConfig` names.
public enum OptimizerFactory {
    /// The optimiser for `config`, with state sized for `parameters`.
    ///
    /// `adamw` is Adam with decoupled weight decay whatever `weightDecayMode` says.
    /// `schedule` says whether SGD's momentum can be non-zero at some step (one-cycle's
    /// `moms`), so that SGD without momentum keeps no velocity.
    /// `threads` splits dense updates of large tensors (see `denseUpdatePieces`); it never
    /// changes a result. `semantics` says whether the updates flush subnormals
    /// (`RunSemantics.flushesSubnormals`; Adagrad's sums of squares only grow, so it has none).
    public static func make(
        config: OptimizerConfig, parameters: [Parameter], schedule: ScheduleConfig? = nil, threads: Int = 1,
        semantics: RunSemantics = .current
    ) -> any Optimizer {
        let cycled = schedule.map { $0.kind == .oneCycle && $0.moms.count == 3 && $0.moms.contains { $0 != 0 } } ?? false
        let flush = semantics.flushesSubnormals
        return switch config.kind {
        case .sgd:
            SGD(config: config, parameters: parameters, keepsVelocity: config.momentum != 0 || cycled, threads: threads,
                flushesSubnormals: flush)
        case .adagrad: Adagrad(config: config, parameters: parameters)
        case .adam: Adam(config: config, parameters: parameters, threads: threads, flushesSubnormals: flush)
        case .adamw: AdamW(config: config, parameters: parameters, threads: threads, flushesSubnormals: flush)
        }
    }

    /// The base first-moment coefficient of `config`: SGD's momentum, otherwise β₁.
    public static func baseBeta1(of config: OptimizerConfig) -> Double {
        config.kind == .sgd ? config.momentum : config.beta1
    }
}
