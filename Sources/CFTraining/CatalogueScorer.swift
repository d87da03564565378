import CFModels
import CKernels

/// Scores every item for a block of users of a factor model, bit for bit as the model's
/// `predict` would, with the vector kernel `cf_score_catalogue`.
///
/// Built once per ranking evaluation from the model's `FactorForm`: the item factors are
/// packed k-major into panels of 16 items (`cf_pack_panels`), and the item offsets padded
/// to the same length. A block's factor rows and starts are gathered once (`load`); then
/// `scoreTile` scores them against a run of panels (each item in its own vector lane,
/// with the scalar loop's operations in its order) and applies the form's range to each
/// score, so a tile of scores can be used while it is still in the cache. Pairs that use
/// the model's fallback are scored with `predict` instead: a user not seen in training
/// gets the whole row from `predictRow`, a seen user the unseen items from
/// `predictUnseenItems` (the kernel's scores of those are meaningless). So every score
/// is the one `predict` gives. It only reads the model: several threads may score at
/// once, each with its own workspace.
final class CatalogueScorer {
    let form: FactorForm
    let model: any RatingModel
    let itemCount: Int
    let panelCount: Int
    /// The kernel's instruction set (`CF_LEVEL_*`; every level gives the same bits).
    let level: Int32
    /// The packed item factors (`panelCount` × width × 16).
    private let panels: [Float]
    /// The item offsets, padded to `stride` (nil when the form has none).
    private let offsets: [Float]?
    /// The items the model has not seen, ascending: scored by `predict`.
    let unseenItems: [Int32]
    /// Whether each item is one of `unseenItems`.
    let isUnseen: [Bool]
    /// Every item id, ascending: the items column of an unseen user's `predict`.
    let allItems: [Int32]

    init(form: FactorForm, model: any RatingModel, level: Int32 = cf_kernel_best_level()) {
        self.form = form
        self.model = model
        self.level = level
        let itemCount = form.itemFactors.rows
        let width = form.width
        let lanes = Int(CF_PANEL_WIDTH)
        self.itemCount = itemCount
        panelCount = (itemCount + lanes - 1) / lanes
        var panels = [Float](repeating: 0, count: max(panelCount * width * lanes, 1))
        form.itemFactors.values.withUnsafeBufferPointer { rows in
            panels.withUnsafeMutableBufferPointer { packed in
                if let source = rows.baseAddress, let target = packed.baseAddress {
                    cf_pack_panels(source, itemCount, width, target)
                }
            }
        }
        self.panels = panels
        let stride = panelCount * lanes
        offsets = form.itemOffsets.map { $0 + [Float](repeating: 0, count: stride - itemCount) }
        isUnseen = (0..<Int32(itemCount)).map { !form.statistics.isKnown(item: $0) }
        unseenItems = (0..<Int32(itemCount)).filter { !form.statistics.isKnown(item: $0) }
        allItems = Array(0..<Int32(itemCount))
    }

    /// The items rounded up to whole panels: the length of a whole row of scores.
    var stride: Int { panelCount * Int(CF_PANEL_WIDTH) }

    var width: Int { form.width }

    /// Whether `user`'s scores come from the kernel (else from `predictRow`).
    func isSeen(user: Int32) -> Bool { form.statistics.isKnown(user: user) }

    /// Gathers the factor rows and starts of `users` (at most `workspace.blockCapacity`)
    /// for the next `scoreTile` calls.
    func load(users: ArraySlice<Int32>, workspace: ScoringWorkspace) {
        precondition(users.count <= workspace.blockCapacity, "load: block larger than the workspace")
        let width = form.width
        let (rows, starts) = (workspace.userRows, workspace.userStarts)
        form.userFactors.values.withUnsafeBufferPointer { factors in
            form.userStarts.withUnsafeBufferPointer { userStarts in
                for (slot, user) in users.enumerated() {
                    (rows + slot * width).update(from: factors.baseAddress! + Int(user) * width, count: width)
                    starts[slot] = userStarts[Int(user)]
                }
            }
        }
    }

    /// Scores the `userCount` loaded users against the items of `panels`: user slot j's
    /// score of item `panels.lowerBound·16 + i` goes to `scores[j·scoreStride + i]`, for
    /// every item below `itemCount`, the range applied.
    func scoreTile(userCount: Int, panels tile: Range<Int>, into scores: UnsafeMutablePointer<Float>, scoreStride: Int,
                   workspace: ScoringWorkspace) {
        let lanes = Int(CF_PANEL_WIDTH)
        let width = form.width
        panels.withUnsafeBufferPointer { packed in
            let first = packed.baseAddress! + tile.lowerBound * width * lanes
            if let offsets {
                offsets.withUnsafeBufferPointer { offsets in
                    cf_score_catalogue(
                        workspace.userRows, workspace.userStarts, userCount, first, offsets.baseAddress! + tile.lowerBound * lanes,
                        tile.count, width, scores, scoreStride, level)
                }
            } else {
                cf_score_catalogue(
                    workspace.userRows, workspace.userStarts, userCount, first, nil, tile.count, width, scores, scoreStride, level)
            }
        }
        let range = form.range
        guard range.isEnabled else { return }
        let items = min(tile.count * lanes, itemCount - tile.lowerBound * lanes)
        for slot in 0..<userCount {
            let row = scores + slot * scoreStride
            for item in 0..<items { row[item] = range.value(row[item]) }
        }
    }

    /// Every score of the users of `users`, whole rows: user slot j's score of item i at
    /// `scores[j·stride + i]`, through the kernel, `predictRow` and `predictUnseenItems`
    /// as `RankingEvaluator` combines them (tests compare it with `predict`).
    func score(users: ArraySlice<Int32>, into scores: UnsafeMutablePointer<Float>, workspace: ScoringWorkspace) {
        load(users: users, workspace: workspace)
        scoreTile(userCount: users.count, panels: 0..<panelCount, into: scores, scoreStride: stride, workspace: workspace)
        for (slot, user) in users.enumerated() {
            let row = scores + slot * stride
            if !isSeen(user: user) {
                predictRow(of: user, into: row, workspace: workspace)
            } else if !unseenItems.isEmpty {
                predictUnseenItems(of: user, workspace: workspace)
                for (index, item) in unseenItems.enumerated() { row[Int(item)] = workspace.unseenScores[index] }
            }
        }
    }

    /// An unseen user's whole row (`itemCount` scores), from `predict`.
    func predictRow(of user: Int32, into row: UnsafeMutablePointer<Float>, workspace: ScoringWorkspace) {
        let column = workspace.userColumn
        column.update(repeating: user, count: itemCount)
        allItems.withUnsafeBufferPointer { items in
            model.predict(
                users: UnsafeBufferPointer(start: column, count: itemCount), items: items,
                into: UnsafeMutableBufferPointer(start: row, count: itemCount))
        }
    }

    /// A seen user's scores of `unseenItems`, from `predict`, into `workspace.unseenScores`.
    func predictUnseenItems(of user: Int32, workspace: ScoringWorkspace) {
        let count = unseenItems.count
        let column = workspace.userColumn
        column.update(repeating: user, count: count)
        unseenItems.withUnsafeBufferPointer { items in
            model.predict(
                users: UnsafeBufferPointer(start: column, count: count), items: items,
                into: UnsafeMutableBufferPointer(start: workspace.unseenScores, count: count))
        }
    }
}

/// One thread's buffers for `CatalogueScorer`, allocated once per evaluation.
final class ScoringWorkspace {
    /// The most users a block may hold.
    let blockCapacity: Int
    /// The block's factor rows, one after the other.
    let userRows: UnsafeMutablePointer<Float>
    /// The block's starts.
    let userStarts: UnsafeMutablePointer<Float>
    /// A user id repeated, the users column of `predict` (one per item).
    let userColumn: UnsafeMutablePointer<Int32>
    /// The scores of the unseen items.
    let unseenScores: UnsafeMutablePointer<Float>

    init(blockCapacity: Int, width: Int, itemCount: Int) {
        self.blockCapacity = blockCapacity
        userRows = .allocate(capacity: max(blockCapacity * width, 1))
        userStarts = .allocate(capacity: max(blockCapacity, 1))
        userColumn = .allocate(capacity: max(itemCount, 1))
        unseenScores = .allocate(capacity: max(itemCount, 1))
    }

    deinit {
        userRows.deallocate()
        userStarts.deallocate()
        userColumn.deallocate()
        unseenScores.deallocate()
    }
}
