import CFFuzzing

/// libFuzzer's entry point: one input, as an experiment file (and its base.yaml); see `FuzzEntry`.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = FuzzTarget.config.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
