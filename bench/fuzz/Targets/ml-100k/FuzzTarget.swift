import CFFuzzing

/// libFuzzer's entry point: one input, as an ml-100k folder (u.data, u.item, u.genre, one fold); see `FuzzEntry`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzTarget.ml100k.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
