import CFCore
import CFData
import CFModels

/// One epoch of block training (`training.blocks` = B > 1): DSGD's strata, each
/// stratum's B blocks at once on up to `threads` threads, with the same per-epoch
/// metrics on any number of threads.
///
/// Per epoch: the strata run in an order drawn from their own stream; in stratum s,
/// block (g, (g + s) mod B) runs on lane g (see `BlockPlan`). A block shuffles its
/// ratings (its records in the `TrainingOrder`) with its own stream and runs `EpochRunner`'s step on each of its batches of
/// `batchSize`: forward/backward (dropout from the block's own stream), the schedule,
/// a lazy optimiser step over the lane's touched rows (`Optimizer.stepRows`), clearing
/// the lane's gradient. Each lane's gradient lives in a compact buffer of its own (the
/// batch's touched rows in first-touch order; `Parameter.prepareLanes(_:compact:)`), not
/// in the tables: a batch's scatter, step and clear stay in a few hundred kilobytes of
/// cache. Every gradient value sees the same additions either way, so the bits are those
/// of writing the tables.
///
/// **Why the thread count never shows.** Blocks of a stratum touch disjoint rows of
/// every table and of the optimiser's state, draw from their own streams, and number
/// their steps in one serial order fixed by (stratum, block, batch): the run's step
/// number, which sets the learning rate and β₁ of the schedule and Adam's t, is the
/// batch's place in that order. Batch losses land in that order's slots and are summed
/// in it afterwards. So running the blocks at once gives the bits of running them one
/// after another, which is what one thread does.
///
/// An epoch has Σₖ ⌈nₖ / batchSize⌉ steps over its blocks' sizes nₖ. A batch whose loss
/// is not finite stops its block; the other blocks of that stratum finish, no later
/// stratum runs, and the epoch reports the first such loss in step order.
public final class BlockEpochRunner: EpochRunning {
    public let model: any BlockTrainable
    public let optimizer: any Optimizer
    public let schedule: Schedule
    public let batchSize: Int
    public let blocks: Int
    public let threads: Int
    public let stepsPerEpoch: Int
    public let totalSteps: Int
    /// Steps taken so far over the whole run (the next step's number).
    public private(set) var step = 0
    public var onProgress: ((Int, Int) -> Void)?

    private let parameters: [Parameter]
    /// The blocks' offsets (its indices made into `order`).
    private let plan: BlockPlan
    /// The training ratings of each block (`plan.offsets`), shuffled in place.
    private let order: TrainingOrder
    private let batchesPerBlock: [Int]
    private var strata: [Int]
    private var strataRandom: Xoshiro256StarStar
    private var shuffleRandoms: [Xoshiro256StarStar]
    private var dropoutRandoms: [Xoshiro256StarStar]
    private let lanes: [BatchBuffers]
    /// Each step's batch loss, by its place in the epoch's step order.
    private var losses: [Double]
    /// How many batches each block ran this epoch (fewer after a divergence).
    private var batchesRun: [Int]

    public init(
        model: any BlockTrainable, optimizer: any Optimizer, schedule: Schedule, train: RatingSet,
        userCount: Int, itemCount: Int, batchSize: Int, epochs: Int, blocks: Int, threads: Int, streams: RandomStreams,
        compactGradients: Bool = true
    ) {
        precondition(batchSize > 0 && !train.isEmpty && blocks > 1, "BlockEpochRunner needs ratings, a batch size and blocks")
        self.model = model
        self.optimizer = optimizer
        self.schedule = schedule
        self.batchSize = batchSize
        self.blocks = blocks
        self.threads = threads
        parameters = model.parameters
        var plan = BlockPlan(train: train, userCount: userCount, itemCount: itemCount, blocks: blocks)
        order = TrainingOrder(train, indices: plan.indices)
        plan.indices = []
        self.plan = plan
        let blockCount = blocks * blocks
        batchesPerBlock = (0..<blockCount).map { (plan.size(of: $0) + batchSize - 1) / batchSize }
        stepsPerEpoch = batchesPerBlock.reduce(0, +)
        totalSteps = stepsPerEpoch * epochs
        strata = Array(0..<blocks)
        let label = "of \(blocks)"
        let shuffleSeed = streams.seed(for: .shuffle), dropoutSeed = streams.seed(for: .dropout)
        strataRandom = Xoshiro256StarStar(seed: RandomStreams.derive(shuffleSeed, "strata", label))
        shuffleRandoms = (0..<blockCount).map { Xoshiro256StarStar(seed: RandomStreams.derive(shuffleSeed, "block \($0)", label)) }
        dropoutRandoms = (0..<blockCount).map { Xoshiro256StarStar(seed: RandomStreams.derive(dropoutSeed, "block \($0)", label)) }
        lanes = (0..<blocks).map { _ in BatchBuffers(capacity: batchSize) }
        losses = [Double](repeating: 0, count: stepsPerEpoch)
        batchesRun = [Int](repeating: 0, count: blockCount)
        model.prepareLanes(blocks, compact: compactGradients)
    }

    public func runEpoch() -> EpochRunner.Outcome {
        strataRandom.shuffle(&strata)
        let firstStep = step
        var done = 0
        var stratumStarts: [Int] = []
        var diverged = false
        for stratum in strata {
            FaultPoint.hit("mid-epoch")
            onProgress?(done, stepsPerEpoch)
            stratumStarts.append(done)
            diverged = runStratum(stratum, firstBatch: done, firstStep: firstStep)
            done += (0..<blocks).reduce(0) { $0 + batchesPerBlock[plan.block(group: $1, stratum: stratum)] }
            if diverged { break }
        }
        step = firstStep + done
        return outcome(strataRun: Array(strata.prefix(stratumStarts.count)), firstStep: firstStep)
    }

    /// Runs one stratum's blocks, each on its lane; returns whether a batch diverged.
    private func runStratum(_ stratum: Int, firstBatch: Int, firstStep: Int) -> Bool {
        var starts = [Int](repeating: firstBatch, count: blocks)
        for group in 1..<blocks {
            starts[group] = starts[group - 1] + batchesPerBlock[plan.block(group: group - 1, stratum: stratum)]
        }
        let records = order.records
        return shuffleRandoms.withUnsafeMutableBufferPointer { shuffles in
            dropoutRandoms.withUnsafeMutableBufferPointer { dropouts in
                losses.withUnsafeMutableBufferPointer { losses in
                    batchesRun.withUnsafeMutableBufferPointer { batchesRun in
                        let work = StratumWork(
                            records: SharedPointer(records.baseAddress!), shuffles: SharedPointer(shuffles.baseAddress!),
                            dropouts: SharedPointer(dropouts.baseAddress!), losses: SharedPointer(losses.baseAddress!),
                            batchesRun: SharedPointer(batchesRun.baseAddress!))
                        parameters.withTables { tables in
                            ParallelLoop.run(blocks, threads: threads) { group in
                                let block = plan.block(group: group, stratum: stratum)
                                runBlock(
                                    block, lane: group, firstBatch: starts[group], firstStep: firstStep + starts[group],
                                    tables: tables, work)
                            }
                        }
                        return (0..<blocks).contains { group in
                            let block = plan.block(group: group, stratum: stratum)
                            return batchesRun[block] < batchesPerBlock[block]
                        }
                    }
                }
            }
        }
    }

    /// The epoch's shared arrays, as the lanes see them: each lane writes only its
    /// block's slots.
    private struct StratumWork {
        let records: SharedPointer<RatingRecord>
        let shuffles: SharedPointer<Xoshiro256StarStar>
        let dropouts: SharedPointer<Xoshiro256StarStar>
        let losses: SharedPointer<Double>
        let batchesRun: SharedPointer<Int>
    }

    /// One block's batches on lane `lane`; its first batch is the epoch's step `firstBatch`.
    private func runBlock(
        _ block: Int, lane: Int, firstBatch: Int, firstStep: Int, tables: [TableBuffers], _ work: StratumWork
    ) {
        let start = plan.offsets[block], size = plan.size(of: block)
        let records = work.records.base + start
        work.shuffles.base[block].shuffle(UnsafeMutableBufferPointer(start: records, count: size))
        let buffers = lanes[lane]
        let batches = batchesPerBlock[block]
        var run = 0
        for batch in 0..<batches {
            let first = batch * batchSize
            let count = min(batchSize, size - first)
            let ratingBatch = buffers.fill(from: records, start: first, count: count)
            let loss = model.forwardBackward(ratingBatch, lane: lane, tables: tables, random: &work.dropouts.base[block])
                / Double(count)
            work.losses[firstBatch + batch] = loss
            guard loss.isFinite else { break }
            let stepNumber = firstStep + batch
            let scheduled = schedule.value(step: stepNumber, totalSteps: totalSteps, stepsPerEpoch: stepsPerEpoch)
            optimizer.stepRows(
                parameters: parameters, tables: tables, lane: lane, step: stepNumber, learningRate: scheduled.learningRate,
                beta1: scheduled.beta1)
            clearGradients(lane: lane, tables: tables)
            run += 1
        }
        if run < batches { clearGradients(lane: lane, tables: tables) }
        work.batchesRun[block] = run
    }

    private func clearGradients(lane: Int, tables: [TableBuffers]) {
        for (parameter, table) in zip(parameters, tables) { parameter.zeroGradient(lane: lane, in: table.gradient) }
    }

    /// The epoch's outcome from the batch losses, read in step order.
    private func outcome(strataRun: [Int], firstStep: Int) -> EpochRunner.Outcome {
        let traceStride = (stepsPerEpoch + EpochReport.maximumTracePoints - 1) / EpochReport.maximumTracePoints
        var trace: [EpochReport.TracePoint] = []
        var lossSum = 0.0, batches = 0, ratings = 0
        var learningRate = schedule.learningRate
        var place = 0
        for stratum in strataRun {
            for group in 0..<blocks {
                let block = plan.block(group: group, stratum: stratum)
                for batch in 0..<batchesPerBlock[block] {
                    defer { place += 1 }
                    // A block that diverged ran fewer batches: its diverged one is the last recorded.
                    guard batch <= batchesRun[block] else { continue }
                    let loss = losses[place]
                    let scheduled = schedule.value(step: firstStep + place, totalSteps: totalSteps, stepsPerEpoch: stepsPerEpoch)
                    learningRate = scheduled.learningRate
                    if place % traceStride == 0 {
                        trace.append(.init(step: firstStep + place, learningRate: learningRate, beta1: scheduled.beta1, loss: loss))
                    }
                    guard batch < batchesRun[block] else {
                        return .init(meanBatchLoss: loss, learningRate: learningRate, ratings: ratings, trace: trace, diverged: true)
                    }
                    lossSum += loss
                    batches += 1
                    ratings += min(batchSize, plan.size(of: block) - batch * batchSize)
                }
            }
        }
        return .init(
            meanBatchLoss: lossSum / Double(max(batches, 1)), learningRate: learningRate, ratings: ratings, trace: trace,
            diverged: false)
    }
}
