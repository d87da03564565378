import CKernels

/// One named, trainable tensor with its gradient, stored row-major in contiguous Floats.
///
/// Embedding tables are `rowSparse`: a batch gives gradient only to the rows it looks
/// up, and those rows are listed in `touchedRows` so that optimisers can update just
/// them (lazy updates) and `zeroGradient` can clear just them.
public final class Parameter {
    public let name: String
    /// Shape, outermost first: [rows, columns] for tables and weight matrices, [count] for vectors.
    public let shape: [Int]
    public var values: [Float]
    public var gradient: [Float]
    /// Whether gradients arrive one row at a time (embedding tables, bias tables).
    public let rowSparse: Bool
    /// Rows with non-zero gradient since the last `zeroGradient`, in first-touch order
    /// (lane 0's: the one serial training uses).
    public var touchedRows: [Int32] { lanes[0].rows }
    /// One touched-row record per lane: lane 0 always, more after `prepareLanes`. Block
    /// training (`training.blocks`) runs the blocks of a stratum at once, one lane each:
    /// their rows are disjoint, so the lanes share `values` and `gradient` but not this.
    private var lanes: [TouchedRows]

    public init(name: String, shape: [Int], values: [Float], rowSparse: Bool) {
        precondition(values.count == shape.reduce(1, *), "\(name): \(values.count) values for shape \(shape)")
        self.name = name
        self.shape = shape
        self.values = values
        self.gradient = [Float](repeating: 0, count: values.count)
        self.rowSparse = rowSparse
        self.lanes = [TouchedRows(rowCount: rowSparse ? shape[0] : 0)]
        HugePages.advise(self.values)
        HugePages.advise(self.gradient)
    }

    public var rows: Int { shape[0] }
    public var columns: Int { shape.count > 1 ? shape.dropFirst().reduce(1, *) : 1 }

    /// Records that `row` received gradient in this step (row-sparse parameters only).
    @inline(__always)
    public func touch(_ row: Int32) {
        lanes[0].mark(row)
    }

    /// Marks every row of `rows` as touched, in first-touch order (row-sparse parameters only).
    ///
    /// One access to the flags and the list for the whole batch: a call per rating paid
    /// Swift's exclusivity checks on both every time.
    public func touch(_ rows: UnsafeBufferPointer<Int32>, lane: Int = 0) {
        lanes[lane].mark(rows)
    }

    /// The rows lane `lane` touched since its last `zeroGradient(lane:)`.
    public func touchedRows(lane: Int) -> [Int32] { lanes[lane].rows }

    /// How many lanes keep touched rows.
    public var laneCount: Int { lanes.count }

    /// Gives a row-sparse parameter at least `count` lanes; call before any lane > 0 is
    /// used, never while lanes run. With `compact`, every lane keeps its gradient in a
    /// small buffer of its own instead of the parameter's table (see `GradientTargets`);
    /// the parameter must have no gradient pending.
    public func prepareLanes(_ count: Int, compact: Bool = false) {
        guard rowSparse else { return }
        while lanes.count < count { lanes.append(TouchedRows(rowCount: rows)) }
        for lane in lanes { lane.setCompact(compact ? columns : nil) }
    }

    /// Whether lane `lane` keeps its gradient in a compact buffer (see `prepareLanes`).
    public func hasCompactGradient(lane: Int) -> Bool { rowSparse && lanes[lane].compact != nil }

    /// Where lane `lane`'s gradient for the rows of `batch` goes: marks them touched (in
    /// first-touch order) and returns, per row of `batch`, an index into a gradient base:
    /// the rows themselves into `gradient` (the parameter's table), or, on a compact lane,
    /// each row's place in the touched list into the lane's buffer.
    public func gradientTargets(
        _ batch: UnsafeBufferPointer<Int32>, lane: Int, gradient: UnsafeMutableBufferPointer<Float>
    ) -> GradientTargets {
        let touched = lanes[lane]
        guard let compact = touched.markPlaces(batch) else {
            touched.mark(batch)
            return GradientTargets(base: gradient.baseAddress!, indices: batch.baseAddress!)
        }
        return GradientTargets(base: compact.base, indices: compact.places)
    }

    /// `gradientTargets` for a parameter indexed by the same ids as `leader`, whose
    /// targets for `batch` were just made (a bias table beside its embedding): on compact
    /// lanes the leader's touched list and places are copied instead of found again, which
    /// gives the list marking would give. Otherwise, or when the leader's marks are not
    /// this batch's alone, the rows are marked as usual.
    public func gradientTargets(
        _ batch: UnsafeBufferPointer<Int32>, lane: Int, gradient: UnsafeMutableBufferPointer<Float>, sharingMarksOf leader: Parameter
    ) -> GradientTargets {
        guard rowSparse, leader.rowSparse, leader.rows == rows, let compact = lanes[lane].adoptMarks(of: leader.lanes[lane], batch: batch)
        else { return gradientTargets(batch, lane: lane, gradient: gradient) }
        return GradientTargets(base: compact.base, indices: compact.places)
    }

    /// Lane `lane`'s compact gradient (row `touchedRows(lane:)[p]` at p · columns), or nil
    /// when the lane writes the parameter's table.
    public func compactGradient(lane: Int) -> UnsafeMutablePointer<Float>? {
        rowSparse ? lanes[lane].compact : nil
    }

    /// Clears the gradient: only the touched rows when row-sparse, otherwise all of it.
    public func zeroGradient() {
        zeroGradient(lane: 0)
    }

    /// Clears the gradient of the rows lane `lane` touched (all of it when not row-sparse).
    public func zeroGradient(lane: Int) {
        gradient.withUnsafeMutableBufferPointer { zeroGradient(lane: lane, in: $0) }
    }

    /// `zeroGradient(lane:)` through an open view of `gradient` (see `TableBuffers`): what
    /// lanes running at once call, since none of them may open the array itself.
    public func zeroGradient(lane: Int, in gradient: UnsafeMutableBufferPointer<Float>) {
        guard let base = gradient.baseAddress else { return }
        if rowSparse {
            lanes[lane].clear(lanes[lane].compact ?? base, width: columns)
        } else {
            base.update(repeating: 0, count: gradient.count)
        }
    }
}

/// Where a batch's gradient rows go (`Parameter.gradientTargets`): the gradient of the
/// batch's n-th row is at `base + indices[n] · columns`.
public struct GradientTargets {
    public let base: UnsafeMutablePointer<Float>
    public let indices: UnsafePointer<Int32>

    /// The gradient row of the batch's n-th row, `width` floats.
    @inline(__always)
    public func row(_ n: Int, width: Int) -> UnsafeMutablePointer<Float> { base + Int(indices[n]) * width }
}

/// The rows of one parameter that received gradient since the last clear, for one lane.
///
/// A compact lane (block training) also keeps their gradient: touched row `rows[p]`'s at
/// p · width of `compact`, a buffer that grows with the most rows a batch touched. A
/// batch's scatter then lands in a few hundred kilobytes that stay in cache, and the
/// optimiser and the clear walk it in order, instead of rows spread over the table.
/// Each gradient value sees the same additions in the same order either way.
final class TouchedRows {
    /// The rows, in first-touch order.
    private(set) var rows: [Int32] = []
    /// Each row's place in `rows`, or −1 when untouched.
    private var places: [Int32]
    /// The compact gradient, or nil when the lane writes the parameter's table.
    private(set) var compact: UnsafeMutablePointer<Float>?
    private var compactRows = 0
    private var width = 0
    /// Each row of the last `markPlaces` batch's place in `rows`.
    private var batchPlaces: UnsafeMutablePointer<Int32>?
    private var batchCapacity = 0
    /// The last `markPlaces` batch (its first row and size, and the rows it listed) when
    /// the lane was empty before it: while `rows` still has that many rows, they and
    /// `batchPlaces` are that batch's alone. Nil otherwise.
    private var soleBatch: (first: UnsafePointer<Int32>, count: Int, rows: Int)?
    /// Whether `rows` was copied from another lane (`adoptMarks`), leaving `places` unset.
    private var adopted = false

    init(rowCount: Int) {
        places = [Int32](repeating: -1, count: rowCount)
    }

    deinit {
        compact?.deallocate()
        batchPlaces?.deallocate()
    }

    /// Keeps the gradient in a compact buffer of rows of `width` (nil: in the table).
    func setCompact(_ width: Int?) {
        precondition(rows.isEmpty, "a lane's gradient mode changes only between batches")
        compact?.deallocate()
        compact = nil
        compactRows = 0
        self.width = width ?? 0
        if width != nil { growCompact(to: 64) }
    }

    private func growCompact(to count: Int) {
        let grown = UnsafeMutablePointer<Float>.allocate(capacity: count * width)
        grown.initialize(repeating: 0, count: count * width)
        if let compact {
            grown.update(from: compact, count: compactRows * width)
            compact.deallocate()
        }
        compact = grown
        compactRows = count
    }

    @inline(__always)
    func mark(_ row: Int32) {
        if adopted { settlePlaces() }
        if places[Int(row)] < 0 {
            places[Int(row)] = Int32(rows.count)
            rows.append(row)
        }
    }

    func mark(_ batch: UnsafeBufferPointer<Int32>) {
        if adopted { settlePlaces() }
        var list: [Int32] = []
        swap(&list, &rows)
        places.withUnsafeMutableBufferPointer { places in
            for row in batch where places[Int(row)] < 0 {
                places[Int(row)] = Int32(list.count)
                list.append(row)
            }
        }
        swap(&list, &rows)
    }

    /// On a compact lane, marks `batch` and returns the compact buffer and each of its
    /// rows' place (valid until the next call); nil on a lane that writes the table.
    func markPlaces(_ batch: UnsafeBufferPointer<Int32>) -> (base: UnsafeMutablePointer<Float>, places: UnsafePointer<Int32>)? {
        guard compact != nil else { return nil }
        if adopted { settlePlaces() }
        let startsEmpty = rows.isEmpty
        if batchCapacity < batch.count {
            batchPlaces?.deallocate()
            batchPlaces = .allocate(capacity: batch.count)
            batchCapacity = batch.count
        }
        let out = batchPlaces!
        var list: [Int32] = []
        swap(&list, &rows)
        places.withUnsafeMutableBufferPointer { places in
            for (n, row) in batch.enumerated() {
                var place = places[Int(row)]
                if place < 0 {
                    place = Int32(list.count)
                    places[Int(row)] = place
                    list.append(row)
                }
                out[n] = place
            }
        }
        swap(&list, &rows)
        soleBatch = startsEmpty ? (batch.baseAddress!, batch.count, rows.count) : nil
        if rows.count > compactRows { growCompact(to: max(rows.count, 2 * compactRows)) }
        return (compact!, UnsafePointer(out))
    }

    /// On an empty compact lane, takes `leader`'s touched list when the leader's marks are
    /// `batch`'s alone, and returns the compact buffer (grown to the list) and the leader's
    /// places for the batch; nil otherwise. The places of the rows are set only if the lane
    /// is marked again before its next clear.
    func adoptMarks(of leader: TouchedRows, batch: UnsafeBufferPointer<Int32>) -> (base: UnsafeMutablePointer<Float>, places: UnsafePointer<Int32>)? {
        guard compact != nil, rows.isEmpty, let sole = leader.soleBatch, sole.first == batch.baseAddress, sole.count == batch.count,
              sole.rows == leader.rows.count, let leaderPlaces = leader.batchPlaces
        else { return nil }
        rows.append(contentsOf: leader.rows)
        adopted = true
        soleBatch = nil
        if rows.count > compactRows { growCompact(to: max(rows.count, 2 * compactRows)) }
        return (compact!, UnsafePointer(leaderPlaces))
    }

    /// Gives every listed row its place (after `adoptMarks` left them unset).
    private func settlePlaces() {
        adopted = false
        places.withUnsafeMutableBufferPointer { places in
            for (place, row) in rows.enumerated() { places[Int(row)] = Int32(place) }
        }
    }

    /// Zeroes the `width` gradient values of every listed row and forgets the rows: in
    /// `gradient` (the table), or on a compact lane the first rows of its buffer.
    func clear(_ gradient: UnsafeMutablePointer<Float>, width: Int) {
        rows.withUnsafeBufferPointer { rows in
            if let compact {
                compact.update(repeating: 0, count: rows.count * width)
            } else {
                cf_zero_rows(gradient, rows.baseAddress, rows.count, width)
            }
            if !adopted {
                places.withUnsafeMutableBufferPointer { places in
                    for row in rows { places[Int(row)] = -1 }
                }
            }
        }
        rows.removeAll(keepingCapacity: true)
        adopted = false
        soleBatch = nil
    }
}
