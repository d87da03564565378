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
    /// Rows with non-zero gradient since the last `zeroGradient`, in first-touch order.
    public private(set) var touchedRows: [Int32] = []
    private var touched: [Bool]

    public init(name: String, shape: [Int], values: [Float], rowSparse: Bool) {
        precondition(values.count == shape.reduce(1, *), "\(name): \(values.count) values for shape \(shape)")
        self.name = name
        self.shape = shape
        self.values = values
        self.gradient = [Float](repeating: 0, count: values.count)
        self.rowSparse = rowSparse
        self.touched = [Bool](repeating: false, count: rowSparse ? shape[0] : 0)
    }

    public var rows: Int { shape[0] }
    public var columns: Int { shape.count > 1 ? shape.dropFirst().reduce(1, *) : 1 }

    /// Records that `row` received gradient in this step (row-sparse parameters only).
    @inline(__always)
    public func touch(_ row: Int32) {
        if !touched[Int(row)] {
            touched[Int(row)] = true
            touchedRows.append(row)
        }
    }

    /// Marks every row of `rows` as touched, in first-touch order (row-sparse parameters only).
    ///
    /// One access to the flags and the list for the whole batch: a call per rating paid
    /// Swift's exclusivity checks on both every time.
    public func touch(_ rows: UnsafeBufferPointer<Int32>) {
        var list: [Int32] = []
        swap(&list, &touchedRows)
        touched.withUnsafeMutableBufferPointer { flags in
            for row in rows where !flags[Int(row)] {
                flags[Int(row)] = true
                list.append(row)
            }
        }
        swap(&list, &touchedRows)
    }

    /// Clears the gradient: only the touched rows when row-sparse, otherwise all of it.
    public func zeroGradient() {
        if rowSparse {
            let width = columns
            gradient.withUnsafeMutableBufferPointer { grad in
                guard let base = grad.baseAddress else { return }
                touched.withUnsafeMutableBufferPointer { flags in
                    for row in touchedRows {
                        (base + Int(row) * width).update(repeating: 0, count: width)
                        flags[Int(row)] = false
                    }
                }
            }
            touchedRows.removeAll(keepingCapacity: true)
        } else {
            gradient.withUnsafeMutableBufferPointer { grad in
                if let base = grad.baseAddress { base.update(repeating: 0, count: grad.count) }
            }
        }
    }
}
