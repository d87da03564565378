import CFCore
import CFLinalg
import CFTraining
import Foundation

/// The identity of the running build, recorded with every run as `build_id` and `build_json`.
///
/// Two runs with equal build ids promise bitwise-equal arithmetic: the same source commit
/// (and, for a dirty tree, the same uncommitted diff), cflab and Swift versions, compiler
/// flags and BLAS core. The commit is read at run time from the git repository that holds
/// this source file (`#filePath`); outside that checkout it is "unknown".
public struct BuildInfo: Sendable, Equatable {
    public let commit: String
    public let dirty: Bool
    /// SHA-256 of `git diff HEAD` for a dirty tree, so different edits give different ids.
    public let diffDigest: String?
    public let cflabVersion: String
    public let swiftVersion: String
    public let configuration: String
    public let targetCPUTuning: Bool
    public let blas: String
    /// The vector kernels chosen at start-up (`TrainingKernels.name`).
    public let kernels: String

    /// The build this process runs, computed once.
    public static let current = BuildInfo.detect()

    /// Short identity: commit prefix, dirty marker, then a hash of everything else.
    public var id: String {
        let digest = Digest.sha256Hex(json.canonical).prefix(12)
        return "\(commit.prefix(12))\(dirty ? "-dirty" : "")-\(digest)"
    }

    public var json: JSONValue {
        .object([
            ("git_commit", .string(commit)),
            ("git_dirty", .bool(dirty)),
            ("git_diff_sha256", diffDigest.map(JSONValue.string) ?? .null),
            ("cflab_version", .string(cflabVersion)),
            ("swift_version", .string(swiftVersion)),
            ("compiler_flags", .object([
                ("configuration", .string(configuration)),
                ("target_cpu_tuning", .bool(targetCPUTuning)),
            ])),
            ("blas", .string(blas)),
            ("kernels", .string(kernels)),
        ])
    }

    public init(
        commit: String, dirty: Bool, diffDigest: String?, cflabVersion: String, swiftVersion: String,
        configuration: String, targetCPUTuning: Bool, blas: String, kernels: String = TrainingKernels.name
    ) {
        self.kernels = kernels
        self.commit = commit
        self.dirty = dirty
        self.diffDigest = diffDigest
        self.cflabVersion = cflabVersion
        self.swiftVersion = swiftVersion
        self.configuration = configuration
        self.targetCPUTuning = targetCPUTuning
        self.blas = blas
    }

    private static func detect() -> BuildInfo {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let commit = git(["rev-parse", "HEAD"], in: repository)?.trimmingCharacters(in: .whitespacesAndNewlines)
        var dirty = false
        var diffDigest: String?
        if commit != nil, let status = git(["status", "--porcelain", "--untracked-files=no"], in: repository) {
            dirty = !status.isEmpty
            if dirty, let diff = git(["diff", "HEAD"], in: repository) { diffDigest = Digest.sha256Hex(diff) }
        }
        return BuildInfo(
            commit: commit.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown", dirty: dirty, diffDigest: diffDigest,
            cflabVersion: CFLabVersion.string, swiftVersion: swiftVersion, configuration: configuration,
            targetCPUTuning: targetCPUTuning, blas: Linalg.backendDescription, kernels: TrainingKernels.name
        )
    }

    /// The output of `git -C repository arguments`, or nil when git fails or is missing.
    private static func git(_ arguments: [String], in repository: String) -> String? {
        guard FileManager.default.fileExists(atPath: repository + "/.git") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", repository] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private static var configuration: String {
        #if DEBUG
        return "debug"
        #else
        return "release"
        #endif
    }

    private static var targetCPUTuning: Bool {
        #if CFLAB_TARGET_CPU
        return true
        #else
        return false
        #endif
    }

    private static var swiftVersion: String {
        #if compiler(>=6.4)
        return "6.4+"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #else
        return "6.0"
        #endif
    }
}
