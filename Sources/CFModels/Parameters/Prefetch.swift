import CPrefetch

/// Hints the CPU to fetch row `row` (of `width` Floats) of `table`, one cache line at a time.
///
/// Ratings arrive in shuffled order, so each one touches rows far apart in memory; the
/// kernels call this for rating n + `ratingPrefetchDistance` while computing rating n.
@inline(__always)
func prefetchRow(_ table: UnsafeMutableBufferPointer<Float>, _ row: Int32, width: Int) {
    guard let base = table.baseAddress else { return }
    let start = Int(row) * width
    let floatsPerLine = 16
    var offset = 0
    repeat {
        cf_prefetch(UnsafeRawPointer(base + start + offset))
        offset += floatsPerLine
    } while offset < width
}

/// `prefetchRow` for a read-only table (prediction).
@inline(__always)
func prefetchRow(_ table: UnsafeBufferPointer<Float>, _ row: Int32, width: Int) {
    guard let base = table.baseAddress else { return }
    let start = Int(row) * width
    var offset = 0
    repeat {
        cf_prefetch(UnsafeRawPointer(base + start + offset))
        offset += 16
    } while offset < width
}

/// How many ratings ahead the training and prediction loops prefetch rows: far enough
/// to hide a memory access behind the work of the ratings between.
let ratingPrefetchDistance = 3

/// Prefetches the user and item rows (values and gradient rows) of rating `index`, if the batch has it.
@inline(__always)
func prefetchRating(
    _ index: Int, of batch: RatingBatch, width: Int,
    users: UnsafeMutableBufferPointer<Float>, items: UnsafeMutableBufferPointer<Float>,
    userGradients: GradientTargets, itemGradients: GradientTargets
) {
    guard index < batch.count else { return }
    prefetchRow(users, batch.users[index], width: width)
    prefetchRow(items, batch.items[index], width: width)
    prefetchRow(userGradients.row(index, width: width), width: width)
    prefetchRow(itemGradients.row(index, width: width), width: width)
}

/// `prefetchRow` for a row already located.
@inline(__always)
func prefetchRow(_ row: UnsafeMutablePointer<Float>, width: Int) {
    var offset = 0
    repeat {
        cf_prefetch(UnsafeRawPointer(row + offset))
        offset += 16
    } while offset < width
}
