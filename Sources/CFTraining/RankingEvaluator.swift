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
///   operations of its `predict`, one L2-sized tile of items after another, each tile's
///   scores offered to the users' selectors while still in the cache; any other model
///   through `predict` in chunks of `chunkSize`. Each user's best max(K) candidates are
///   kept by a `TopKSelector` (ties go to the lower item id), which gives the same list
///   whatever the order they are offered in; candidates scored below its current worst
///   kept score are skipped, since they could not be kept.
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
    /// The most panels of 16 items a tile may hold (tests use small tiles on small catalogues).
    var tilePanelLimit = Int.max
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
        let tilePanels = scorer.map { min(Self.tilePanels(width: $0.width, blockSize: blockSize), tilePanelLimit) } ?? 0
        let workspaces = (0..<workers).map { _ in
            RankingWorkspace(
                blockSize: blockSize, tileStride: tilePanels * Int(CF_PANEL_WIDTH), itemCount: itemCount, depth: depth,
                width: scorer?.width ?? 0, chunkSize: chunkSize)
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
                        Self.rankBlock(
                            blockUsers, scorer: scorer, tilePanels: tilePanels, training: training, workspace: workspace,
                            level: level)
                    } else {
                        for (slot, user) in blockUsers.enumerated() {
                            Self.predictRow(
                                of: user, model: model, items: allItems, chunkSize: chunkSize, into: workspace.row,
                                column: workspace.scoring.userColumn)
                            workspace.select(
                                slot: slot, row: workspace.row, itemCount: itemCount, excluded: training.items(of: Int(user)),
                                level: level)
                        }
                    }
                    for slot in 0..<blockUsers.count {
                        let count = workspace.drain(slot: slot)
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

    /// Panels per tile: a tile's packed factors and the block's scores of it fit in
    /// about 192 KiB (L2), so each score is selected from while still in the cache.
    static func tilePanels(width: Int, blockSize: Int) -> Int {
        let bytesPerPanel = (width + blockSize) * Int(CF_PANEL_WIDTH) * MemoryLayout<Float>.size
        return max(1, (192 * 1024) / bytesPerPanel)
    }

    /// Offers a block's candidates to its users' selectors: tile by tile through the kernel
    /// for the users the model has seen (their unseen items through `predict` afterwards),
    /// whole rows through `predict` for the others.
    private static func rankBlock(
        _ users: ArraySlice<Int32>, scorer: CatalogueScorer, tilePanels: Int, training: UserItemLists,
        workspace: RankingWorkspace, level: Int32
    ) {
        let lanes = Int(CF_PANEL_WIDTH)
        let tileStride = tilePanels * lanes
        workspace.startBlock(users.count)
        scorer.load(users: users, workspace: workspace.scoring)
        scorer.isUnseen.withUnsafeBufferPointer { isUnseen in
            var panel = 0
            while panel < scorer.panelCount {
                let tile = panel..<min(panel + tilePanels, scorer.panelCount)
                scorer.scoreTile(
                    userCount: users.count, panels: tile, into: workspace.tileScores, scoreStride: tileStride,
                    workspace: workspace.scoring)
                let firstItem = tile.lowerBound * lanes
                let items = min(tile.count * lanes, scorer.itemCount - firstItem)
                for (slot, user) in users.enumerated() where scorer.isSeen(user: user) {
                    workspace.offerTile(
                        slot: slot, scores: workspace.tileScores + slot * tileStride, firstItem: firstItem, count: items,
                        excluded: training.items(of: Int(user)), isUnseen: isUnseen, level: level)
                }
                panel = tile.upperBound
            }
        }
        for (slot, user) in users.enumerated() {
            let excluded = training.items(of: Int(user))
            if !scorer.isSeen(user: user) {
                scorer.predictRow(of: user, into: workspace.row, workspace: workspace.scoring)
                workspace.select(slot: slot, row: workspace.row, itemCount: scorer.itemCount, excluded: excluded, level: level)
            } else if !scorer.unseenItems.isEmpty {
                scorer.predictUnseenItems(of: user, workspace: workspace.scoring)
                workspace.offer(slot: slot, items: scorer.unseenItems, scores: workspace.scoring.unseenScores, excluded: excluded)
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

/// One thread's buffers for ranking, allocated once per evaluation: a selector per user
/// of a block, a tile of the block's scores, one row of scores, and the flags of the
/// excluded (training) items.
private final class RankingWorkspace {
    /// The block's scores of one tile, `tileStride` per user.
    let tileScores: UnsafeMutablePointer<Float>
    /// One user's score of every item.
    let row: UnsafeMutablePointer<Float>
    let scoring: ScoringWorkspace
    private var selectors: [TopKSelector]
    /// How far each user's tile scan has gone through the user's (ascending) training items.
    private var cursors: [Int]
    private(set) var rankedItems: [Int32]
    private var rankedScores: [Float]
    private let isExcluded: UnsafeMutablePointer<Bool>

    init(blockSize: Int, tileStride: Int, itemCount: Int, depth: Int, width: Int, chunkSize: Int) {
        tileScores = .allocate(capacity: max(blockSize * tileStride, 1))
        row = .allocate(capacity: max(itemCount, 1))
        scoring = ScoringWorkspace(blockCapacity: blockSize, width: width, itemCount: max(itemCount, chunkSize))
        selectors = [TopKSelector](repeating: TopKSelector(capacity: depth), count: blockSize)
        cursors = [Int](repeating: 0, count: blockSize)
        rankedItems = [Int32](repeating: 0, count: depth)
        rankedScores = [Float](repeating: 0, count: depth)
        isExcluded = .allocate(capacity: max(itemCount, 1))
        isExcluded.initialize(repeating: false, count: max(itemCount, 1))
    }

    deinit {
        tileScores.deallocate()
        row.deallocate()
        isExcluded.deallocate()
    }

    /// Empties the selectors of the first `users` slots and rewinds their cursors.
    func startBlock(_ users: Int) {
        for slot in 0..<users {
            selectors[slot].removeAll()
            cursors[slot] = 0
        }
    }

    /// Offers slot `slot`'s scores of the items `firstItem..<firstItem + count` (tiles
    /// come in ascending item order), but the excluded and the unseen ones. Only the items
    /// scored at or above the selector's admission threshold are looked at
    /// (`cf_next_candidate` finds them): the others could not be kept.
    func offerTile(
        slot: Int, scores: UnsafeMutablePointer<Float>, firstItem: Int, count: Int, excluded: ArraySlice<Int32>,
        isUnseen: UnsafeBufferPointer<Bool>, level: Int32
    ) {
        var cursor = excluded.startIndex + cursors[slot]
        var index = 0
        while true {
            index = cf_next_candidate(scores, index, count, selectors[slot].admissionThreshold, level)
            guard index < count else { break }
            let item = firstItem + index
            while cursor < excluded.endIndex && Int(excluded[cursor]) < item { cursor += 1 }
            let isTrained = cursor < excluded.endIndex && Int(excluded[cursor]) == item
            if !isTrained && !isUnseen[item] { selectors[slot].offer(item: Int32(item), score: scores[index]) }
            index += 1
        }
        cursors[slot] = cursor - excluded.startIndex
    }

    /// Offers slot `slot`'s scores of `items` (`scores[j]` for `items[j]`), but the excluded ones.
    func offer(slot: Int, items: [Int32], scores: UnsafeMutablePointer<Float>, excluded: ArraySlice<Int32>) {
        for (index, item) in items.enumerated() {
            let score = scores[index]
            // Below the threshold an item cannot be kept: skip the search of the training items.
            guard !(score < selectors[slot].admissionThreshold) else { continue }
            if !Self.contains(excluded, item) { selectors[slot].offer(item: item, score: score) }
        }
    }

    /// Offers slot `slot` every item of a whole `row` of scores but the excluded ones.
    func select(slot: Int, row: UnsafeMutablePointer<Float>, itemCount: Int, excluded: ArraySlice<Int32>, level: Int32) {
        for item in excluded { isExcluded[Int(item)] = true }
        selectors[slot].removeAll()
        var item = 0
        while true {
            item = cf_next_candidate(row, item, itemCount, selectors[slot].admissionThreshold, level)
            guard item < itemCount else { break }
            if !isExcluded[item] { selectors[slot].offer(item: Int32(item), score: row[item]) }
            item += 1
        }
        for item in excluded { isExcluded[Int(item)] = false }
    }

    /// Moves slot `slot`'s kept items, best first, into `rankedItems` and returns how many.
    func drain(slot: Int) -> Int {
        selectors[slot].drain(into: &rankedItems, scores: &rankedScores)
    }

    /// Whether the ascending `items` hold `item` (binary search).
    private static func contains(_ items: ArraySlice<Int32>, _ item: Int32) -> Bool {
        var (low, high) = (items.startIndex, items.endIndex)
        while low < high {
            let middle = (low + high) / 2
            if items[middle] < item { low = middle + 1 } else { high = middle }
        }
        return low < items.endIndex && items[low] == item
    }
}
