import CFConfig
import CFCore
import CFModels
@testable import CFTraining
import CKernels
import XCTest

/// The catalogue kernels (CKernels' CScoring.c) give the bits of the models' scalar loop
/// at every instruction-set level, on random tables of odd widths and item counts that
/// are not multiples of the vector width; `CatalogueScorer` gives `predict`'s bits.
final class CatalogueKernelTests: XCTestCase {
    /// Every level, forced: scalar, SSE2 and AVX where this machine has them.
    static let levels: [Int32] = [CF_LEVEL_SCALAR, CF_LEVEL_SSE2, CF_LEVEL_AVX].filter { $0 <= cf_kernel_best_level() }

    /// Random values over many magnitudes, negative and positive, zeros and negative zeros
    /// included, so that a changed rounding or order of operations shows.
    func values(_ count: Int, random: inout Xoshiro256StarStar) -> [Float] {
        (0..<count).map { _ in
            switch random.nextInt(below: 12) {
            case 0: return 0
            case 1: return -0.0
            default: return random.nextFloat(in: -1, 1) * Float(sign: .plus, exponent: random.nextInt(below: 16) - 8, significand: 1)
            }
        }
    }

    /// The models' loop: x = start (+ offset), then x += p[k]·q[k] in k order.
    func reference(user: [Float], start: Float, item: ArraySlice<Float>, offset: Float?) -> Float {
        var x = start
        if let offset { x += offset }
        for (p, q) in zip(user, item) { x += p * q }
        return x
    }

    func testTheKernelGivesTheScalarLoopsBitsAtEveryLevel() {
        #if arch(x86_64)
        XCTAssertEqual(Self.levels.count, cf_kernel_best_level() == CF_LEVEL_AVX ? 3 : 2, "every x86-64 has SSE2")
        #endif
        var random = Xoshiro256StarStar(seed: 11)
        for width in [1, 3, 8, 50, 64, 65] {
            for (users, items) in [(1, 1), (3, 15), (4, 16), (5, 17), (6, 16), (9, 37), (8, 100), (11, 33), (13, 47)] {
                let userRows = values(users * width, random: &random)
                let starts = values(users, random: &random)
                let itemRows = values(items * width, random: &random)
                let itemOffsets = values(items, random: &random)
                let lanes = Int(CF_PANEL_WIDTH)
                let panelCount = (items + lanes - 1) / lanes
                let stride = panelCount * lanes + 3
                var panels = [Float](repeating: .nan, count: panelCount * width * lanes)
                cf_pack_panels(itemRows, items, width, &panels)
                let paddedOffsets = itemOffsets + [Float](repeating: 0, count: panelCount * lanes - items)
                for withOffsets in [false, true] {
                    var expected = [UInt32]()
                    for user in 0..<users {
                        let row = Array(userRows[(user * width)..<((user + 1) * width)])
                        for item in 0..<items {
                            expected.append(reference(
                                user: row, start: starts[user], item: itemRows[(item * width)..<((item + 1) * width)],
                                offset: withOffsets ? itemOffsets[item] : nil).bitPattern)
                        }
                    }
                    for level in Self.levels {
                        var scores = [Float](repeating: .nan, count: users * stride)
                        if withOffsets {
                            cf_score_catalogue(userRows, starts, users, panels, paddedOffsets, panelCount, width, &scores, stride, level)
                        } else {
                            cf_score_catalogue(userRows, starts, users, panels, nil, panelCount, width, &scores, stride, level)
                        }
                        let actual = (0..<users).flatMap { user in (0..<items).map { scores[user * stride + $0].bitPattern } }
                        XCTAssertEqual(actual, expected, "width \(width), \(users)×\(items), offsets \(withOffsets), level \(level)")
                    }
                }
            }
        }
    }

    func testThePackedPanelsAreKMajorAndZeroPadded() {
        // Three items of width 2: item i's factor k at k·16 + i, lanes 3…15 zero.
        var panels = [Float](repeating: .nan, count: 2 * 16)
        cf_pack_panels([1, 2, 3, 4, 5, 6], 3, 2, &panels)
        XCTAssertEqual(Array(panels[0..<4]), [1, 3, 5, 0])
        XCTAssertEqual(Array(panels[16..<20]), [2, 4, 6, 0])
        XCTAssertEqual(panels.filter { $0 == 0 }.count, 26)
    }

    func testTheCandidateScanStopsAtTheFirstScoreNotBelowTheThreshold() {
        var random = Xoshiro256StarStar(seed: 12)
        for count in [0, 1, 7, 8, 9, 31, 100] {
            var scores = (0..<count).map { _ in random.nextFloat(in: -1, 1) }
            if count > 5 { scores[5] = .nan }
            for threshold: Float in [-.infinity, -0.5, 0, 0.9, .infinity] {
                for start in Set([0, min(3, count), count]) {
                    let expected = (start..<count).first { !(scores[$0] < threshold) } ?? count
                    for level in Self.levels {
                        XCTAssertEqual(cf_next_candidate(scores, start, count, threshold, level), expected,
                                       "count \(count), threshold \(threshold), start \(start), level \(level)")
                    }
                }
            }
        }
    }

    /// A dot_bias model with random parameters whose users 0, 1 and items 0, 5 are unseen.
    func dotBias(range: SigmoidRange, width: Int, users: Int = 23, items: Int = 37) -> DotBiasModel {
        let statistics = TrainingStatistics(
            globalMean: 3.5, ratingMin: 0.5, ratingMax: 5,
            userSeen: (0..<users).map { $0 > 1 }, itemSeen: (0..<items).map { $0 != 0 && $0 != 5 })
        return DotBiasModel(
            dimensions: width, initializer: .normal(std: 0.5), range: range, addsGlobalMean: true,
            dropout: Dropout(user: 0, item: 0), statistics: statistics, streams: ParameterStreams(seed: 9))
    }

    /// Every (user, item) score through `predict`, row by row.
    func predictions(_ model: any RatingModel, users: Int, items: Int) -> [UInt32] {
        (0..<Int32(users)).flatMap { user in
            model.predict(users: [Int32](repeating: user, count: items), items: Array(0..<Int32(items))).map(\.bitPattern)
        }
    }

    func scored(_ model: any RatingModel, users: [Int32], level: Int32) -> [UInt32] {
        let scorer = CatalogueScorer(form: model.factorForm!, model: model, level: level)
        let workspace = ScoringWorkspace(blockCapacity: users.count, width: scorer.width, itemCount: scorer.itemCount)
        var scores = [Float](repeating: .nan, count: users.count * scorer.stride)
        scores.withUnsafeMutableBufferPointer { scorer.score(users: users[...], into: $0.baseAddress!, workspace: workspace) }
        return users.indices.flatMap { slot in (0..<scorer.itemCount).map { scores[slot * scorer.stride + $0].bitPattern } }
    }

    func testTheScorerGivesPredictsBitsForDotBiasAndDotWithUnseenUsersAndItems() throws {
        let users = Array(0..<Int32(23))
        for width in [1, 3, 64, 65] {
            for range in [SigmoidRange.identity, SigmoidRange(low: 0.5, high: 5.5)] {
                let model = dotBias(range: range, width: width)
                let expected = predictions(model, users: 23, items: 37)
                for level in Self.levels {
                    XCTAssertEqual(scored(model, users: users, level: level), expected, "dot_bias width \(width), \(range), level \(level)")
                }
            }
            let dot = DotModel(
                dimensions: width, initializer: .normal(std: 0.5),
                statistics: dotBias(range: .identity, width: width).statistics, streams: ParameterStreams(seed: 4))
            for level in Self.levels {
                XCTAssertEqual(scored(dot, users: users, level: level), predictions(dot, users: 23, items: 37), "dot width \(width), level \(level)")
            }
        }
    }
}
