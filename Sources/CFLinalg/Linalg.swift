#if os(Linux)
import COpenBLAS
#elseif canImport(Accelerate)
import Accelerate
#endif

/// Every BLAS and LAPACK call cflab makes, behind one Swift-typed facade.
///
/// Linux links OpenBLAS and LAPACKE; Apple platforms use Accelerate's CBLAS and its
/// Fortran-style LAPACK (`ssyevd_`), since Accelerate has no LAPACKE. Matrices are
/// row-major Floats. OpenBLAS is switched to one thread before the first call, so that
/// no result depends on how many threads the library would have used.
public enum Linalg {
    /// C = alpha·op(A)·op(B) + beta·C, with op(X) = Xᵀ when `trans` is set; op(A) is m×k,
    /// op(B) is k×n, C is m×n; `lda`, `ldb`, `ldc` are the row strides as stored.
    public static func sgemm(
        transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            // BLAS would scale C by beta; do it here so that beta = 0 also clears NaNs.
            for row in 0..<m {
                for column in 0..<n { c[row * ldc + column] = beta == 0 ? 0 : beta * c[row * ldc + column] }
            }
            return
        }
        _ = singleThreaded
        cblas_sgemm(
            CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
            numericCast(m), numericCast(n), numericCast(k), alpha, a, numericCast(lda),
            b, numericCast(ldb), beta, c, numericCast(ldc))
    }

    /// The eigen-decomposition of the symmetric n×n `matrix` (row-major; only its upper
    /// triangle in column-major terms, i.e. its lower triangle row-major, is read).
    ///
    /// Returns the eigenvalues in descending order and the unit eigenvectors as the rows
    /// of `vectors` (n×n row-major: vector j is `vectors[j*n ..< (j+1)*n]`). Each vector's
    /// sign is fixed so that its largest-magnitude component is positive, which makes
    /// PCA axes identical across LAPACK builds. LAPACK `ssyevd` (divide and conquer).
    public static func symmetricEigen(matrix: [Float], n: Int) throws -> (values: [Float], vectors: [Float]) {
        guard matrix.count == n * n else { throw LinalgError.shapeMismatch(expected: n * n, actual: matrix.count) }
        guard n > 0 else { return ([], []) }
        _ = singleThreaded
        // Column-major on both platforms: vector j comes back in column j, i.e. at a[j*n...].
        var a = matrix
        var ascending = [Float](repeating: 0, count: n)
        let info = decompose(&a, n: n, values: &ascending)
        guard info == 0 else { throw LinalgError.eigenFailed(info: info) }
        var values = [Float](repeating: 0, count: n)
        var vectors = [Float](repeating: 0, count: n * n)
        for rank in 0..<n {
            let source = n - 1 - rank
            values[rank] = ascending[source]
            let column = a[(source * n)..<(source * n + n)]
            let pivot = column.max { abs($0) < abs($1) } ?? 0
            let sign: Float = pivot < 0 ? -1 : 1
            for index in 0..<n { vectors[rank * n + index] = sign * column[source * n + index] }
        }
        return (values, vectors)
    }

    /// Pins OpenBLAS to one thread (a no-op with Accelerate). Also done lazily before the
    /// first BLAS call; calling it up front just makes the choice visible.
    public static func setSingleThreaded() {
        #if os(Linux)
        openblas_set_num_threads(1)
        #endif
    }

    private static let singleThreaded: Void = setSingleThreaded()

    /// The BLAS in use, for provenance: OpenBLAS's core (`openblas_get_corename`, for
    /// example "Haswell") and its build configuration, or "Accelerate".
    public static var backendDescription: String {
        #if os(Linux)
        let core = BLASCore.loaded ?? "unknown"
        let build = openblas_get_config().map { String(cString: $0) } ?? ""
        return build.isEmpty ? "OpenBLAS core \(core)" : "OpenBLAS core \(core) (\(build))"
        #elseif canImport(Accelerate)
        return "Accelerate"
        #else
        return "none"
        #endif
    }

    /// `ssyevd` with jobz = V, uplo = U on the column-major `a`; returns LAPACK's info.
    private static func decompose(_ a: inout [Float], n: Int, values: inout [Float]) -> Int {
        #if os(Linux)
        let info = LAPACKE_ssyevd(
            LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")),
            numericCast(n), &a, numericCast(n), &values)
        return Int(info)
        #elseif canImport(Accelerate)
        var jobz = CChar(UInt8(ascii: "V"))
        var uplo = CChar(UInt8(ascii: "U"))
        var order = __CLPK_integer(n)
        var leading = __CLPK_integer(n)
        var info: __CLPK_integer = 0
        var workSize: Float = 0
        var integerWorkSize: __CLPK_integer = 0
        var query: __CLPK_integer = -1
        var integerQuery: __CLPK_integer = -1
        ssyevd_(&jobz, &uplo, &order, &a, &leading, &values, &workSize, &query, &integerWorkSize, &integerQuery, &info)
        guard info == 0 else { return Int(info) }
        var workCount = __CLPK_integer(workSize)
        var integerWorkCount = integerWorkSize
        var work = [Float](repeating: 0, count: Int(workCount))
        var integerWork = [__CLPK_integer](repeating: 0, count: Int(integerWorkCount))
        ssyevd_(&jobz, &uplo, &order, &a, &leading, &values, &work, &workCount, &integerWork, &integerWorkCount, &info)
        return Int(info)
        #else
        return -1
        #endif
    }
}

/// Why a linear-algebra call failed.
public enum LinalgError: Error, Equatable, CustomStringConvertible {
    case shapeMismatch(expected: Int, actual: Int)
    case badMatrix(rows: Int, columns: Int, count: Int)
    case eigenFailed(info: Int)

    public var description: String {
        switch self {
        case let .shapeMismatch(expected, actual):
            return "matrix has \(actual) values, expected \(expected) (n×n); pass a square matrix"
        case let .badMatrix(rows, columns, count):
            return "matrix has \(count) values, expected \(rows) × \(columns) (both above 0); pass a row-major matrix of that shape"
        case let .eigenFailed(info):
            return "ssyevd failed to converge (info \(info)); check the matrix for NaN or infinite values"
        }
    }
}
