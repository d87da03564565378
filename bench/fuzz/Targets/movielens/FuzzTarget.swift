import CFFuzzing

/// libFuzzer's entry point: one input, as an ml-latest-small folder (ratings.csv, movies.csv); see `FuzzEntry`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzTarget.movieLens.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
