import CKernels

/// Which vector kernels this process runs (chosen once at start-up from the CPU).
///
/// The optimiser and factor kernels give the same bits on every path (scalar, SSE2,
/// AVX: tested against the scalar rules), so the name is provenance, not a change of
/// results; it is part of the build id (`BuildInfo`), so `reproduce` on a machine that
/// picks another path judges by tolerance rather than bit for bit.
public enum TrainingKernels {
    /// "avx", "sse2" or "scalar".
    public static let name = String(cString: cf_kernel_name())
}
