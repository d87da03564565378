#if os(Linux)
import COpenBLAS
#endif
import Foundation

/// Which OpenBLAS kernel family ("core") to run, when OpenBLAS's own detection falls short.
///
/// A `DYNAMIC_ARCH` OpenBLAS picks its kernels from the CPU's family and model number when
/// the library loads. A CPU newer than the library (Debian 12's OpenBLAS 0.3.21 on a Xeon of
/// model 207, say) is unknown to it, and it falls back to its oldest x86-64 kernels,
/// "Prescott" (SSE3): there `nn`'s matrix products ran 4.3 times slower (125k against
/// 539k ratings/s on `cflab bench --case nn-b1024`). OpenBLAS reads `OPENBLAS_CORETYPE`
/// only at load time, so `cflab` starts itself again with that variable set to the best
/// core the CPU's features allow (`preferredCore`), once, before doing anything else.
/// A user's own `OPENBLAS_CORETYPE` is always kept. The core in use is part of every run's
/// provenance (`Linalg.backendDescription`), and products may differ in their last bits
/// between cores, as between machines.
public enum BLASCore {
    /// Cores in increasing order of the instructions they use, as OpenBLAS names them
    /// (`openblas_get_corename`, lower case). Unlisted cores are never replaced.
    static let ladder: [String: Int] = [
        "prescott": 0, "core2": 0, "penryn": 0, "dunnington": 0, "atom": 0, "nehalem": 1,
        "sandybridge": 2, "haswell": 3, "zen": 3, "skylakex": 4, "cooperlake": 5, "sapphirerapids": 6,
    ]

    /// The core to ask for instead of `current`, given the CPU's feature flags (as in
    /// /proc/cpuinfo), or nil when `current` is already as good as the flags allow or is
    /// not one `ladder` knows.
    public static func preferredCore(current: String, flags: Set<String>) -> String? {
        guard let rank = ladder[current.lowercased()] else { return nil }
        let avx512 = ["avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512cd"].allSatisfy(flags.contains)
        let best: String
        if avx512 && flags.contains("avx512_bf16") {
            best = "Cooperlake"
        } else if avx512 {
            best = "SkylakeX"
        } else if flags.contains("avx2") && flags.contains("fma") {
            best = "Haswell"
        } else {
            return nil
        }
        guard let bestRank = ladder[best.lowercased()], bestRank > rank else { return nil }
        return best
    }

    /// The core OpenBLAS loaded with (`openblas_get_corename`), or nil without OpenBLAS.
    public static var loaded: String? {
        #if os(Linux)
        return openblas_get_corename().map { String(cString: $0) }
        #else
        return nil
        #endif
    }

    /// The CPU's feature flags, from /proc/cpuinfo's first `flags` line (empty elsewhere).
    public static var cpuFlags: Set<String> {
        guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
        else { return [] }
        return Set(line.split(separator: " ").map(String.init))
    }

    /// Starts the process again with `OPENBLAS_CORETYPE` set to `preferredCore` when OpenBLAS
    /// chose less than the CPU offers and no `OPENBLAS_CORETYPE` is set; returns (doing
    /// nothing) otherwise, or when the new start fails. Call first thing in `main`.
    public static func restartWithPreferredCoreIfNeeded() {
        #if os(Linux)
        guard getenv("OPENBLAS_CORETYPE") == nil, let name = loaded,
              let core = preferredCore(current: name, flags: cpuFlags)
        else { return }
        setenv("OPENBLAS_CORETYPE", core, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Only reached when the new start failed: go on with the kernels OpenBLAS chose.
        unsetenv("OPENBLAS_CORETYPE")
        #endif
    }
}
