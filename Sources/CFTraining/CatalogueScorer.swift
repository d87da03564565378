import CFModels
import CKernels

/// Scores every item for a block of users of a factor model, bit for bit as the model's
/// `predict` would, with the vector kernel `cf_score_catalogue`.
///
/// Built once per ranking evaluation from the model's `FactorForm`: the item factors are
/// packed k-major into panels of 16 items (`cf_pack_panels`), and the item offsets padded
/// to the same length. `score(users:into:workspace:)` then gathers the block's factor
/// rows and starts, runs the kernel (each item in its own vector lane, with the scalar
/// loop's operations in its order), applies the form's range to each score, and scores
/// with `predict` the pairs that use the model's fallback: a user not seen in training
/// gets their whole row from `predict`, a seen user their unseen items. So every score is
/// the one `predict` gives. It only reads the model: several threads may score at once,
/// each with its own workspace.
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
        unseenItems = (0..<Int32(itemCount)).filter { !form.statistics.isKnown(item: $0) }
        allItems = Array(0..<Int32(itemCount))
    }

    /// The distance between two users' rows of scores: the items rounded up to whole panels.
    var stride: Int { panelCount * Int(CF_PANEL_WIDTH) }

    var width: Int { form.width }

    /// Writes user `users[j]`'s score of item i to `scores[j·stride + i]` for every
    /// i < `itemCount` (the padding past it holds no score). At most
    /// `workspace.blockCapacity` users.
    func score(users: ArraySlice<Int32>, into scores: UnsafeMutablePointer<Float>, workspace: ScoringWorkspace) {
        let count = users.count
        precondition(count <= workspace.blockCapacity, "score: block larger than the workspace")
        let width = form.width
        let statistics = form.statistics
        let rows = workspace.userRows
        let starts = workspace.userStarts
        form.userFactors.values.withUnsafeBufferPointer { factors in
            for (slot, user) in users.enumerated() {
                let source = factors.baseAddress! + Int(user) * width
                (rows + slot * width).update(from: source, count: width)
                starts[slot] = form.userStarts[Int(user)]
            }
        }
        panels.withUnsafeBufferPointer { packed in
            if let offsets {
                offsets.withUnsafeBufferPointer { offsets in
                    cf_score_catalogue(rows, starts, count, packed.baseAddress, offsets.baseAddress, panelCount, width, scores, stride, level)
                }
            } else {
                cf_score_catalogue(rows, starts, count, packed.baseAddress, nil, panelCount, width, scores, stride, level)
            }
        }
        let range = form.range
        for (slot, user) in users.enumerated() {
            let row = scores + slot * stride
            guard statistics.isKnown(user: user) else {
                predictRow(of: user, into: row, workspace: workspace)
                continue
            }
            if range.isEnabled {
                for item in 0..<itemCount { row[item] = range.value(row[item]) }
            }
            if !unseenItems.isEmpty { predictUnseenItems(of: user, into: row, workspace: workspace) }
        }
    }

    /// An unseen user's whole row, from `predict`.
    private func predictRow(of user: Int32, into row: UnsafeMutablePointer<Float>, workspace: ScoringWorkspace) {
        let column = workspace.userColumn
        column.update(repeating: user, count: itemCount)
        allItems.withUnsafeBufferPointer { items in
            model.predict(
                users: UnsafeBufferPointer(start: column, count: itemCount), items: items,
                into: UnsafeMutableBufferPointer(start: row, count: itemCount))
        }
    }

    /// A seen user's scores of the unseen items, from `predict`.
    private func predictUnseenItems(of user: Int32, into row: UnsafeMutablePointer<Float>, workspace: ScoringWorkspace) {
        let count = unseenItems.count
        let column = workspace.userColumn
        let output = workspace.unseenScores
        column.update(repeating: user, count: count)
        unseenItems.withUnsafeBufferPointer { items in
            model.predict(
                users: UnsafeBufferPointer(start: column, count: count), items: items,
                into: UnsafeMutableBufferPointer(start: output, count: count))
            for (index, item) in items.enumerated() { row[Int(item)] = output[index] }
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
