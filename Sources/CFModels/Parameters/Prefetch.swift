import CPrefetch

/// Hints the CPU to fetch row `row` (of `width` Floats) of `table`, one cache line at a time.
///
/// Ratings arrive in shuffled order, so each one touches rows far apart in memory; the
/// kernels call this for rating n + 1 while computing rating n, hiding the memory latency.
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

/// Prefetches the user and item rows (values and gradients) of the rating after `index`.
@inline(__always)
func prefetchNextRating(
    after index: Int, of batch: RatingBatch, width: Int,
    users: UnsafeMutableBufferPointer<Float>, items: UnsafeMutableBufferPointer<Float>,
    userGradients: UnsafeMutableBufferPointer<Float>, itemGradients: UnsafeMutableBufferPointer<Float>
) {
    guard index + 1 < batch.count else { return }
    let nextUser = batch.users[index + 1]
    let nextItem = batch.items[index + 1]
    prefetchRow(users, nextUser, width: width)
    prefetchRow(items, nextItem, width: width)
    prefetchRow(userGradients, nextUser, width: width)
    prefetchRow(itemGradients, nextItem, width: width)
}
