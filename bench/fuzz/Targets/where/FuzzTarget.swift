import CFFuzzing

/// libFuzzer's entry point: one input, as a --where expression; see `FuzzEntry`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzTarget.whereFilter.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
