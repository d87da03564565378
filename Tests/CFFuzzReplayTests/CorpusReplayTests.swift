import CFFuzzing
import Foundation
import XCTest

/// Replays the committed fuzz inputs as regression tests: every file of
/// `bench/fuzz/corpus/<target>` and `bench/fuzz/crashes/<target>` goes through the same
/// `FuzzTarget` entry the libFuzzer executables call.
///
/// An input that traps ends this process, and the test with it; every other input must be
/// accepted or refused with a located error (`LocatedRefusal`). Each corpus must also hold
/// both kinds, so a harness that refuses everything (or nothing) fails here.
final class CorpusReplayTests: XCTestCase {
    /// `bench/fuzz` of this checkout.
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bench/fuzz")

    func testConfigInputs() throws { try replay(.config) }
    func testRatingsCSVInputs() throws { try replay(.ratingsCSV) }
    func testMovieLensInputs() throws { try replay(.movieLens) }
    func testML100kInputs() throws { try replay(.ml100k) }
    func testML1MInputs() throws { try replay(.ml1m) }
    func testWhereInputs() throws { try replay(.whereFilter) }

    /// Every target has a test above: a new target needs one.
    func testEveryTargetIsReplayed() {
        XCTAssertEqual(Set(FuzzTarget.allCases), [.config, .ratingsCSV, .movieLens, .ml100k, .ml1m, .whereFilter])
    }

    /// Runs every corpus and crash input of `target` and checks how each one ended.
    private func replay(_ target: FuzzTarget) throws {
        let corpus = Self.inputs(in: "corpus", of: target)
        XCTAssertFalse(corpus.isEmpty, "bench/fuzz/corpus/\(target.rawValue) holds no inputs")
        var accepted = 0
        var refused = 0
        for file in corpus + Self.inputs(in: "crashes", of: target) {
            let bytes = [UInt8](try Data(contentsOf: file))
            let outcome = target.run(bytes)
            if outcome == .accepted {
                accepted += 1
            } else if let problem = LocatedRefusal.problem(with: outcome, of: target, input: bytes) {
                XCTFail("\(target.rawValue)/\(file.lastPathComponent): \(problem)")
            } else {
                refused += 1
            }
        }
        XCTAssertGreaterThan(accepted, 0, "no input of \(target.rawValue)'s corpus is accepted")
        XCTAssertGreaterThan(refused, 0, "no input of \(target.rawValue)'s corpus is refused")
    }

    /// The files of `bench/fuzz/<kind>/<target>`, sorted; none when the folder is absent.
    private static func inputs(in kind: String, of target: FuzzTarget) -> [URL] {
        let folder = fuzzFolder.appendingPathComponent(kind).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
