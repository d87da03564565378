import CKernels

/// Backing for large tables with the system's huge pages, where it has them.
///
/// Embedding lookups in random order touch a new 4 KiB page with nearly every row, and
/// the tables of a MovieLens 20M model (tens of MB each, with their gradients and
/// optimiser state) far outrun the TLB. On Linux, transparent huge pages (2 MiB) cut
/// those misses (see results/bench.md). The advice changes no value, so no result; on
/// other systems it does nothing.
public enum HugePages {
    /// Asks for huge pages under the 2 MiB-aligned interior of `count` Floats at `base`
    /// (nothing when that is smaller than one huge page); returns the bytes advised.
    @discardableResult
    public static func advise(_ base: UnsafePointer<Float>?, count: Int) -> Int {
        cf_advise_huge_pages(UnsafeMutableRawPointer(mutating: base), UInt(count * MemoryLayout<Float>.stride))
    }

    /// `advise` for `count` bytes of any storage at `base`.
    @discardableResult
    public static func advise(bytes base: UnsafeRawPointer?, count: Int) -> Int {
        cf_advise_huge_pages(UnsafeMutableRawPointer(mutating: base), UInt(count))
    }

    /// `advise` on an array's storage, without copying it: the advice holds while the
    /// array is not resized or copied on write.
    @discardableResult
    public static func advise(_ array: [Float]) -> Int {
        array.withUnsafeBufferPointer { advise($0.baseAddress, count: $0.count) }
    }
}
