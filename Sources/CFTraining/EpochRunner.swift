import CFCore
import CFData
import CFModels
import CPrefetch

/// The inner training loop: one epoch of shuffled mini-batch steps, allocation-free.
///
/// Each epoch shuffles a preallocated Int32 index array with Fisher–Yates (the
/// `shuffle` stream), gathers each batch of `batchSize` ratings (the last may be
/// shorter) into preallocated contiguous buffers, and runs, per step s:
/// `forwardBackward` (dropout from the `dropout` stream), (lr, β₁) = schedule(s),
/// `optimizer.step`, `zeroGradient`. It is the one place a deterministic multithreaded
/// schedule would replace; models, trainer and CLI do not depend on its inside.
public final class EpochRunner {
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
    private let train: RatingSet
    private var order: [Int32]
    private var batchUsers: [Int32]
    private var batchItems: [Int32]
    private var batchRatings: [Float]
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
        self.train = train
        self.batchSize = batchSize
        parameters = model.parameters
        stepsPerEpoch = (train.count + batchSize - 1) / batchSize
        totalSteps = stepsPerEpoch * epochs
        order = Array(0..<Int32(train.count))
        batchUsers = [Int32](repeating: 0, count: batchSize)
        batchItems = [Int32](repeating: 0, count: batchSize)
        batchRatings = [Float](repeating: 0, count: batchSize)
        shuffleRandom = streams.shuffleGenerator(count: train.count)
        dropoutRandom = streams.generator(for: .dropout)
    }

    /// Runs one epoch of steps.
    /// Called about a hundred times per epoch with (steps done, steps per epoch), for
    /// progress bars. It must not touch the model; it never changes results.
    public var onProgress: ((Int, Int) -> Void)?

    public func runEpoch() -> Outcome {
        shuffleRandom.shuffle(&order)
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
            let count = min(batchSize, train.count - start)
            gather(from: start, count: count)
            let squaredError = batchUsers.withUnsafeBufferPointer { users in
                batchItems.withUnsafeBufferPointer { items in
                    batchRatings.withUnsafeBufferPointer { targets in
                        model.forwardBackward(
                            RatingBatch(
                                users: UnsafeBufferPointer(rebasing: users[0..<count]),
                                items: UnsafeBufferPointer(rebasing: items[0..<count]),
                                ratings: UnsafeBufferPointer(rebasing: targets[0..<count])
                            ),
                            random: &dropoutRandom
                        )
                    }
                }
            }
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

    /// How many ratings ahead `gather` prefetches: the order is shuffled, so each rating
    /// is a miss in three arrays otherwise.
    static let gatherLookahead = 16

    /// Copies the ratings at `order[start ..< start + count]` into the batch buffers.
    private func gather(from start: Int, count: Int) {
        order.withUnsafeBufferPointer { order in
            train.users.withUnsafeBufferPointer { users in
                train.items.withUnsafeBufferPointer { items in
                    train.ratings.withUnsafeBufferPointer { ratings in
                        batchUsers.withUnsafeMutableBufferPointer { batchUsers in
                            batchItems.withUnsafeMutableBufferPointer { batchItems in
                                batchRatings.withUnsafeMutableBufferPointer { batchRatings in
                                    // The training set is never empty (checked in init), so the bases exist.
                                    guard let userBase = users.baseAddress, let itemBase = items.baseAddress,
                                          let ratingBase = ratings.baseAddress else { return }
                                    let end = order.count
                                    for offset in 0..<count {
                                        let ahead = start + offset + Self.gatherLookahead
                                        if ahead < end {
                                            let next = Int(order[ahead])
                                            cf_prefetch(UnsafeRawPointer(userBase + next))
                                            cf_prefetch(UnsafeRawPointer(itemBase + next))
                                            cf_prefetch(UnsafeRawPointer(ratingBase + next))
                                        }
                                        let index = Int(order[start + offset])
                                        batchUsers[offset] = users[index]
                                        batchItems[offset] = items[index]
                                        batchRatings[offset] = ratings[index]
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
