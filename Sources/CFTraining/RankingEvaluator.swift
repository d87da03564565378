import CFConfig
import CFCore
import CFData
import CFModels
import CKernels

/// Top-K ranking quality of a model on held-out ratings: precision, recall, NDCG,
/// hit rate, MAP and catalogue coverage at each cutoff of `evaluation.ranking.k`.
///
/// - Relevant items: a user's held-out items rated at least `threshold`.
/// - Candidates: every item the user did not rate in training (cold items included;
///   the model scores them with its fallback).
/// - Users with held-out ratings but no relevant one are left out and counted
///   (`ranking_users_skipped`); `ranking_users` counts the users ranked.
/// - Each ranked user's score of every item is the one `RatingModel.predict` gives. A
///   factor model (`RatingModel.factorForm`: `dot`, `dot_bias`) is scored a block of
///   `blockSize` users at a time by `CatalogueScorer`'s vector kernel, with the very
///   operations of its `predict`; any other model through `predict` in chunks of
///   `chunkSize`. The best max(K) candidates are kept by a `TopKSelector` (ties go to
///   the lower item id); candidates scored below its current worst kept score skip it.
/// - `coverage@K` is the number of distinct items in any ranked user's top K over the
///   number of items.
///
/// The blocks run on up to `threads` threads (`training.threads`) when the model
/// predicts concurrently (`RatingPredictor.predictsConcurrently`), else on the calling
/// thread. Each block writes its users' top lists into their own slots, and the metrics
/// are then summed over users in ascending dense id on the calling thread, so the result
/// depends only on the model and the data, never on `threads` or the block size.
/// `RankingTotals` gives the formulas.
public final class RankingEvaluator {
    /// The cutoffs, ascending and without duplicates.
    public let cutoffs: [Int]
    public let threshold: Double
    public let itemCount: Int
    public let chunkSize: Int
    /// The most threads the scoring may use.
    public let threads: Int
    /// Users scored together: the item factors are read once for all of a block's users.
    public let blockSize: Int
    /// The instruction set of the kernels (`CF_LEVEL_*`): the machine's best unless a test
    /// asks for another. Every level gives the same bits.
    var kernelLevel: Int32 = cf_kernel_best_level()
    private let training: UserItemLists
    private var relevance: [Bool]
    private var isRelevant: [Bool]

    /// - Parameters:
    ///   - training: the training ratings, whose items are never candidates.
    ///   - userCount, itemCount: the dataset's dense id counts.
    ///   - threads: the most threads to score on (`training.threads`).
    public init(
        config: RankingConfig, training: RatingSet, userCount: Int, itemCount: Int, chunkSize: Int = 4096,
        threads: Int = 1, blockSize: Int = 64
    ) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        precondition(blockSize > 0, "blockSize must be positive")
        cutoffs = Array(Set(config.k.filter { $0 > 0 })).sorted()
        threshold = config.threshold
        self.itemCount = itemCount
        self.chunkSize = chunkSize
        self.threads = max(1, threads)
        self.blockSize = blockSize
        self.training = UserItemLists(training, userCount: userCount)
        relevance = [Bool](repeating: false, count: cutoffs.last ?? 0)
        isRelevant = [Bool](repeating: false, count: itemCount)
    }

    /// The ranking metrics of `model` on `heldOut`, by `RankingMetricName`; `phase` names
    /// the evaluation in progress reports ("ranking on valid").
    public func evaluate(model: any RatingModel, heldOut: RatingSet, phase: String = "ranking") -> [String: Double] {
        let threshold = threshold
        let userCount = training.userCount
        let all = UserItemLists(heldOut, userCount: userCount)
        let relevant = UserItemLists(heldOut, userCount: userCount) { Double($0) >= threshold }
        var rankedUsers: [Int32] = []
        var skipped = 0
        for user in 0..<userCount {
            if !relevant.items(of: user).isEmpty {
                rankedUsers.append(Int32(user))
            } else if !all.items(of: user).isEmpty {
                skipped += 1
            }
        }
        let depth = cutoffs.last ?? 0
        var lists = TopLists(users: depth > 0 ? rankedUsers.count : 0, depth: depth)
        let progress = ProgressReport.phase(phase, total: userCount, unit: .count("users"))
        defer { progress.finish() }
        if depth > 0 { rank(rankedUsers, model: model, into: &lists, progress: progress) }

        var totals = cutoffs.map(RankingTotals.init(cutoff:))
        var firstRank = [Int](repeating: Int.max, count: itemCount)
        for (index, user) in rankedUsers.enumerated() where depth > 0 {
            let relevantItems = relevant.items(of: Int(user))
            let count = lists.counts[index]
            for item in relevantItems { isRelevant[Int(item)] = true }
            for position in 0..<count {
                let item = Int(lists.items[index * depth + position])
                relevance[position] = isRelevant[item]
                firstRank[item] = min(firstRank[item], position)
            }
            for position in count..<depth { relevance[position] = false }
            for item in relevantItems { isRelevant[Int(item)] = false }
            for total in totals.indices { totals[total].add(relevance: relevance, relevantCount: relevantItems.count) }
        }
        var metrics: [String: Double] = [
            RankingMetricName.users: Double(totals.first?.users ?? 0),
            RankingMetricName.skippedUsers: Double(skipped),
        ]
        for total in totals where total.users > 0 {
            metrics.merge(total.means) { $1 }
            let covered = firstRank.reduce(0) { $0 + ($1 < total.cutoff ? 1 : 0) }
            metrics[RankingMetricName.coverage(total.cutoff)] = itemCount > 0 ? Double(covered) / Double(itemCount) : 0
        }
        return metrics
    }

    /// Every ranked user's best items, best first, into `lists` (slot = index in `users`).
    private func rank(_ users: [Int32], model: any RatingModel, into lists: inout TopLists, progress: ProgressPhase) {
        let blocks = (users.count + blockSize - 1) / blockSize
        guard blocks > 0 else { return }
        let scorer = model.factorForm.map { CatalogueScorer(form: $0, model: model, level: kernelLevel) }
        let workers = min(scorer != nil || model.predictsConcurrently ? threads : 1, blocks)
        let (blockSize, chunkSize, itemCount, level) = (blockSize, chunkSize, itemCount, kernelLevel)
        let depth = lists.depth
        let stride = scorer?.stride ?? itemCount
        let workspaces = (0..<workers).map { _ in
            RankingWorkspace(
                blockSize: blockSize, stride: stride, itemCount: itemCount, depth: depth, width: scorer?.width ?? 0,
                chunkSize: chunkSize)
        }
        let allItems = scorer?.allItems ?? Array(0..<Int32(itemCount))
        let training = training
        lists.items.withUnsafeMutableBufferPointer { items in
            lists.counts.withUnsafeMutableBufferPointer { counts in
                let topItems = SharedPointer(items.baseAddress!)
                let topCounts = SharedPointer(counts.baseAddress!)
                // One workspace per worker: a worker runs one block at a time.
                ParallelLoop.runOnWorkers(blocks, threads: workers) { block, worker in
                    let workspace = workspaces[worker]
                    let first = block * blockSize
                    let blockUsers = users[first..<min(first + blockSize, users.count)]
                    if let scorer {
                        scorer.score(users: blockUsers, into: workspace.scores, workspace: workspace.scoring)
                    } else {
                        for (slot, user) in blockUsers.enumerated() {
                            Self.predictRow(
                                of: user, model: model, items: allItems, chunkSize: chunkSize,
                                into: workspace.scores + slot * stride, column: workspace.scoring.userColumn)
                        }
                    }
                    for (slot, user) in blockUsers.enumerated() {
                        let count = workspace.select(
                            row: workspace.scores + slot * stride, itemCount: itemCount,
                            excluded: training.items(of: Int(user)), level: level)
                        let index = first + slot
                        for position in 0..<count { topItems[index * depth + position] = workspace.rankedItems[position] }
                        topCounts[index] = count
                    }
                    // One worker reports, so that `done` only grows.
                    if worker == 0 { progress.update(done: Int(blockUsers.last!) + 1) }
                }
            }
        }
    }

    /// One user's score of every item through `predict`, in chunks of `chunkSize`.
    private static func predictRow(
        of user: Int32, model: any RatingModel, items: [Int32], chunkSize: Int, into row: UnsafeMutablePointer<Float>,
        column: UnsafeMutablePointer<Int32>
    ) {
        let itemCount = items.count
        column.update(repeating: user, count: min(chunkSize, itemCount))
        items.withUnsafeBufferPointer { items in
            var start = 0
            while start < itemCount {
                let end = min(start + chunkSize, itemCount)
                model.predict(
                    users: UnsafeBufferPointer(start: column, count: end - start),
                    items: UnsafeBufferPointer(rebasing: items[start..<end]),
                    into: UnsafeMutableBufferPointer(start: row + start, count: end - start))
                start = end
            }
        }
    }
}

/// The ranked users' top lists: user slot s holds `counts[s]` items, best first, from
/// `items[s·depth]` on.
private struct TopLists {
    let depth: Int
    var items: [Int32]
    var counts: [Int]

    init(users: Int, depth: Int) {
        self.depth = depth
        items = [Int32](repeating: 0, count: max(users * depth, 1))
        counts = [Int](repeating: 0, count: max(users, 1))
    }
}

/// One thread's buffers for ranking, allocated once per evaluation: a block's scores,
/// the scorer's buffers, the selector and the flags of the excluded (training) items.
private final class RankingWorkspace {
    /// `blockSize` rows of `stride` scores.
    let scores: UnsafeMutablePointer<Float>
    let scoring: ScoringWorkspace
    private var selector: TopKSelector
    private(set) var rankedItems: [Int32]
    private var rankedScores: [Float]
    private let isExcluded: UnsafeMutablePointer<Bool>

    init(blockSize: Int, stride: Int, itemCount: Int, depth: Int, width: Int, chunkSize: Int) {
        scores = .allocate(capacity: max(blockSize * stride, 1))
        scoring = ScoringWorkspace(blockCapacity: blockSize, width: width, itemCount: max(itemCount, chunkSize))
        selector = TopKSelector(capacity: depth)
        rankedItems = [Int32](repeating: 0, count: depth)
        rankedScores = [Float](repeating: 0, count: depth)
        isExcluded = .allocate(capacity: max(itemCount, 1))
        isExcluded.initialize(repeating: false, count: max(itemCount, 1))
    }

    deinit {
        scores.deallocate()
        isExcluded.deallocate()
    }

    /// Keeps the best of the row's items 0..<itemCount but the excluded ones, best first,
    /// in `rankedItems`, and returns how many. Only the items scored at or above the
    /// selector's admission threshold are offered (`cf_next_candidate` finds them): the
    /// others could not be kept.
    func select(row: UnsafeMutablePointer<Float>, itemCount: Int, excluded: ArraySlice<Int32>, level: Int32) -> Int {
        for item in excluded { isExcluded[Int(item)] = true }
        selector.removeAll()
        var item = 0
        while true {
            item = cf_next_candidate(row, item, itemCount, selector.admissionThreshold, level)
            guard item < itemCount else { break }
            if !isExcluded[item] { selector.offer(item: Int32(item), score: row[item]) }
            item += 1
        }
        for item in excluded { isExcluded[Int(item)] = false }
        return selector.drain(into: &rankedItems, scores: &rankedScores)
    }
}
