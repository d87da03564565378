import CFCore
import CFData
import CFModels

/// The inner training loop: one epoch of shuffled mini-batch steps, allocation-free.
///
/// Each epoch shuffles the training ratings with Fisher–Yates (the `shuffle` stream; a
/// `TrainingOrder` of records, the swaps of shuffling an index array), copies each batch
/// of `batchSize` ratings (the last may be shorter) into preallocated contiguous
/// buffers, and runs, per step s:
/// `forwardBackward` (dropout from the `dropout` stream), (lr, β₁) = schedule(s),
/// `optimizer.step`, `zeroGradient`. Block training (`training.blocks` > 1) runs
/// `BlockEpochRunner` instead; models, trainer and CLI do not depend on either's inside.
public final class EpochRunner: EpochRunning {
    /// What one epoch of steps produced.
    public struct Outcome: Sendable {
        /// Mean of the batch MSEs (the `train_loss` metric).
        public var meanBatchLoss: Double
        /// Learning rate of the epoch's last step.
        public var learningRate: Double
        /// Ratings processed (fewer than the training set after a divergence).
        public var ratings: Int
        public var trace: [EpochReport.TracePoint]
        /// A batch loss was NaN or infinite; the epoch stopped at that batch.
        public var diverged: Bool
    }

    public let model: any RatingModel
    public let optimizer: any Optimizer
    public let schedule: Schedule
    public let batchSize: Int
    public let stepsPerEpoch: Int
    public let totalSteps: Int
    /// Steps taken so far over the whole run (the next step's index).
    public private(set) var step = 0

    private let parameters: [Parameter]
    private let order: TrainingOrder
    private let batch: BatchBuffers
    private var shuffleRandom: Xoshiro256StarStar
    private var dropoutRandom: Xoshiro256StarStar

    public init(
        model: any RatingModel, optimizer: any Optimizer, schedule: Schedule, train: RatingSet,
        batchSize: Int, epochs: Int, streams: RandomStreams
    ) {
        precondition(batchSize > 0 && !train.isEmpty, "EpochRunner needs ratings and a positive batch size")
        self.model = model
        self.optimizer = optimizer
        self.schedule = schedule
        self.batchSize = batchSize
        parameters = model.parameters
        stepsPerEpoch = (train.count + batchSize - 1) / batchSize
        totalSteps = stepsPerEpoch * epochs
        order = TrainingOrder(train)
        batch = BatchBuffers(capacity: batchSize)
        shuffleRandom = streams.shuffleGenerator(count: train.count)
        dropoutRandom = streams.generator(for: .dropout)
    }

    /// Called about a hundred times per epoch (see `EpochRunning`).
    public var onProgress: ((Int, Int) -> Void)?

    public func runEpoch() -> Outcome {
        order.shuffle(0..<order.count, with: &shuffleRandom)
        let traceStride = (stepsPerEpoch + EpochReport.maximumTracePoints - 1) / EpochReport.maximumTracePoints
        var trace: [EpochReport.TracePoint] = []
        trace.reserveCapacity(EpochReport.maximumTracePoints)
        var lossSum = 0.0, batches = 0, ratings = 0
        var learningRate = schedule.learningRate
        let progressStride = max(1, stepsPerEpoch / 100)
        for stepInEpoch in 0..<stepsPerEpoch {
            if stepInEpoch % progressStride == 0 {
                FaultPoint.hit("mid-epoch")
                onProgress?(stepInEpoch, stepsPerEpoch)
            }
            let start = stepInEpoch * batchSize
            let count = min(batchSize, order.count - start)
            let ratingBatch = batch.fill(from: order.records.baseAddress!, start: start, count: count)
            let squaredError = model.forwardBackward(ratingBatch, random: &dropoutRandom)
            let loss = squaredError / Double(count)
            let scheduled = schedule.value(step: step, totalSteps: totalSteps, stepsPerEpoch: stepsPerEpoch)
            learningRate = scheduled.learningRate
            if stepInEpoch % traceStride == 0 {
                trace.append(.init(step: step, learningRate: scheduled.learningRate, beta1: scheduled.beta1, loss: loss))
            }
            if !loss.isFinite {
                for parameter in parameters { parameter.zeroGradient() }
                return Outcome(meanBatchLoss: loss, learningRate: learningRate, ratings: ratings, trace: trace, diverged: true)
            }
            optimizer.step(parameters: parameters, learningRate: scheduled.learningRate, beta1: scheduled.beta1)
            for parameter in parameters { parameter.zeroGradient() }
            lossSum += loss
            batches += 1
            ratings += count
            step += 1
        }
        return Outcome(
            meanBatchLoss: lossSum / Double(max(batches, 1)), learningRate: learningRate,
            ratings: ratings, trace: trace, diverged: false
        )
    }
}
