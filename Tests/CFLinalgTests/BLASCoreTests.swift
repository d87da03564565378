import Testing

@testable import CFLinalg

@Suite("OpenBLAS core choice")
struct BLASCoreTests {
    static let skylake: Set<String> = ["sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512cd"]

    @Test("a fallback core is replaced by the best one the flags allow")
    func fallbackIsReplaced() {
        #expect(BLASCore.preferredCore(current: "Prescott", flags: Self.skylake.union(["avx512_bf16"])) == "Cooperlake")
        #expect(BLASCore.preferredCore(current: "Prescott", flags: Self.skylake) == "SkylakeX")
        #expect(BLASCore.preferredCore(current: "Sandybridge", flags: ["avx", "avx2", "fma"]) == "Haswell")
        #expect(BLASCore.preferredCore(current: "Haswell", flags: Self.skylake) == "SkylakeX")
    }

    @Test("a core as good as the flags allow, or one the ladder does not know, is kept")
    func goodOrUnknownCoresAreKept() {
        #expect(BLASCore.preferredCore(current: "Cooperlake", flags: Self.skylake.union(["avx512_bf16"])) == nil)
        #expect(BLASCore.preferredCore(current: "SkylakeX", flags: Self.skylake) == nil)
        #expect(BLASCore.preferredCore(current: "Zen", flags: ["avx2", "fma"]) == nil)
        #expect(BLASCore.preferredCore(current: "Prescott", flags: ["sse3", "avx"]) == nil)
        #expect(BLASCore.preferredCore(current: "NeoverseN1", flags: Self.skylake) == nil)
        // AVX-512 needs all five of its base extensions.
        #expect(BLASCore.preferredCore(current: "Prescott", flags: Self.skylake.subtracting(["avx512vl"]).union(["avx2", "fma"])) == "Haswell")
    }
}
