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
    /// used, never while lanes run.
    public func prepareLanes(_ count: Int) {
        while rowSparse && lanes.count < count { lanes.append(TouchedRows(rowCount: rows)) }
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
            lanes[lane].clear(base, width: columns)
        } else {
            base.update(repeating: 0, count: gradient.count)
        }
    }
}

/// The rows of one parameter that received gradient since the last clear, for one lane.
final class TouchedRows {
    /// The rows, in first-touch order.
    private(set) var rows: [Int32] = []
    private var flags: [Bool]

    init(rowCount: Int) {
        flags = [Bool](repeating: false, count: rowCount)
    }

    @inline(__always)
    func mark(_ row: Int32) {
        if !flags[Int(row)] {
            flags[Int(row)] = true
            rows.append(row)
        }
    }

    func mark(_ batch: UnsafeBufferPointer<Int32>) {
        var list: [Int32] = []
        swap(&list, &rows)
        flags.withUnsafeMutableBufferPointer { flags in
            for row in batch where !flags[Int(row)] {
                flags[Int(row)] = true
                list.append(row)
            }
        }
        swap(&list, &rows)
    }

    /// Zeroes the `width` gradient values of every listed row and forgets the rows.
    func clear(_ gradient: UnsafeMutablePointer<Float>, width: Int) {
        rows.withUnsafeBufferPointer { rows in
            cf_zero_rows(gradient, rows.baseAddress, rows.count, width)
            flags.withUnsafeMutableBufferPointer { flags in
                for row in rows { flags[Int(row)] = false }
            }
        }
        rows.removeAll(keepingCapacity: true)
    }
}
