import CFFuzzing

/// libFuzzer's entry point: one input, as an ml-1m folder (ratings.dat, movies.dat); see `FuzzEntry`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzTarget.ml1m.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
