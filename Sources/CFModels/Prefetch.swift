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
