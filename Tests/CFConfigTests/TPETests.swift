@testable import CFConfig
import CFCore
import Foundation
import XCTest

/// The Parzen estimators and the TPE sampler, against values worked out by hand.
final class TPETests: XCTestCase {
    func testFloatBandwidthsFollowTheNeighbourGapsThenTheMagicClip() {
        // Sorted centres with the prior (5) and ends: 0 | 2 3 5 8 | 10. Gaps give 2, 2, 3, 3;
        // the outer centres take their inner gap (1 and 3); the clip raises all to 10/5 = 2.
        let estimator = ParzenEstimator(observations: [2, 3, 8], domain: .float(low: 0, high: 10, log: false))
        XCTAssertEqual(estimator.mus, [2, 3, 8, 5])
        XCTAssertEqual(estimator.sigmas, [2, 2, 3, 10])
        XCTAssertEqual(estimator.weights, [0.25, 0.25, 0.25, 0.25])
    }

    func testFloatDensityIsTheTruncatedMixture() {
        let estimator = ParzenEstimator(observations: [2, 3, 8], domain: .float(low: 0, high: 10, log: false))
        // log Σ_k ¼ φ((x − μ_k)/σ_k) / (σ_k Z_k), Z_k the kernel's mass on [0, 10] (worked in Python).
        XCTAssertEqual(estimator.logDensity(4.0), -2.0602986048615954, accuracy: 1e-12)
        XCTAssertEqual(estimator.logDensity(9.5), -2.7596659789385, accuracy: 1e-12)
    }

    func testLogDomainsWorkOnTheLogScale() {
        let estimator = ParzenEstimator(observations: [1e-3], domain: .float(low: 1e-4, high: 1e-2, log: true))
        XCTAssertEqual(estimator.mus[0], log(1e-3), accuracy: 1e-12)
        XCTAssertEqual(estimator.mus[1], 0.5 * (log(1e-4) + log(1e-2)), accuracy: 1e-12)
        XCTAssertEqual(estimator.sigmas[1], log(1e-2) - log(1e-4), accuracy: 1e-12)
    }

    func testCategoricalKernelsSmoothEachObservationWithThePrior() {
        // 4 kernels of 3 choices: each row starts at ¼ and its observed choice gets +1.
        let estimator = ParzenEstimator(observations: [0, 0, 2], domain: .categorical(count: 3))
        XCTAssertEqual(estimator.choiceRows[0], [1.25 / 1.75, 0.25 / 1.75, 0.25 / 1.75])
        XCTAssertEqual(estimator.logDensity(0), -0.7419373447293773, accuracy: 1e-12)
        XCTAssertEqual(estimator.logDensity(1), -1.6582280766035324, accuracy: 1e-12)
        XCTAssertEqual(estimator.logDensity(2), -1.0986122886681098, accuracy: 1e-12)
        let empty = ParzenEstimator(observations: [], domain: .categorical(count: 4))
        XCTAssertEqual(empty.logDensity(3), log(0.25), accuracy: 1e-12)
    }

    func testIntegersTakeTheMassOfTheirUnitInterval() {
        // [1, 5] becomes [0.5, 5.5]; the one centre's gaps are 1 and 1, clipped up to 5/3.
        let estimator = ParzenEstimator(observations: [2], domain: .integer(low: 1, high: 5, log: false))
        XCTAssertEqual(estimator.sigmas[0], 5.0 / 3.0, accuracy: 1e-12)
        let expected = [0.22010470595328888, 0.24970148553916377, 0.22807576647917027, 0.1754165794614926, 0.12670146256688444]
        for (x, probability) in zip(1...5, expected) {
            XCTAssertEqual(exp(estimator.logDensity(Double(x))), probability, accuracy: 1e-12, "x = \(x)")
        }
    }

    func testOlderObservationsRampDownBeyondTwentyFive() {
        let estimator = ParzenEstimator(observations: (0..<30).map(Double.init), domain: .float(low: 0, high: 30, log: false))
        let raw = estimator.weights.map { $0 / estimator.weights[29] }
        XCTAssertEqual(raw[0], 1.0 / 30.0, accuracy: 1e-12)
        XCTAssertEqual(raw[2], 1.0 / 30.0 + 2 * (1 - 1.0 / 30.0) / 4, accuracy: 1e-12)
        XCTAssertEqual(raw[4], 1, accuracy: 1e-12)
        XCTAssertEqual(raw[30], 1, accuracy: 1e-12, "the prior weight")
        XCTAssertEqual(estimator.weights.reduce(0, +), 1, accuracy: 1e-12)
    }

    func testSamplesStayInTheDomain() {
        var generator = Xoshiro256StarStar(seed: 1)
        let integer = ParzenEstimator(observations: [1, 9], domain: .integer(low: 1, high: 9, log: true))
        let float = ParzenEstimator(observations: [1e-3], domain: .float(low: 1e-4, high: 1e-2, log: true))
        for _ in 0..<500 {
            let x = integer.sample(using: &generator)
            XCTAssertTrue((1...9).contains(Int(x)) && x == x.rounded(), "\(x)")
            XCTAssertTrue((1e-4...1e-2).contains(float.sample(using: &generator)))
        }
    }

    func testGoodShareIsOptunasDefaultGamma() {
        let settings = TPESettings()
        XCTAssertEqual([1, 10, 11, 100, 251, 1000].map(settings.goodCount), [1, 1, 2, 10, 25, 25])
    }

    func testPrunedPointsRankAfterFinishedOnesByEpochReached() {
        let history = [
            TPEObservation(values: [.int(0)], loss: 0.5, prunedAt: 1),
            TPEObservation(values: [.int(1)], loss: 0.9),
            TPEObservation(values: [.int(2)], loss: 0.7, prunedAt: 3),
            TPEObservation(values: [.int(3)], loss: 0.8),
        ]
        let order = history.indices.sorted { TPESampler.ranks(history[$0], $0, before: history[$1], $1) }
        XCTAssertEqual(order, [3, 1, 2, 0])
    }

    /// On a planted objective, f(lr) = (log10 lr + 2)², the second half of a TPE sweep lies
    /// nearer the optimum 1e-2 than a random sweep's (median loss lower for
    /// every seed, and under half averaged over seeds),, for each of several sampler seeds.
    func testWithAPlantedObjectiveTPEConcentratesNearTheOptimum() throws {
        let yaml = """
        version: 1
        data: {source: synthetic}
        sweep:
          method: tpe
          parameters:
            optimizer.lr: {min: 1.0e-5, max: 1.0, log: true}
            model.embedding_dim: [8, 16, 32, 64]
          samples: 40
          tpe: {startup_trials: 10, batch: 1}
        """
        let base = try ConfigLoader.parse(yaml: yaml, fileName: "t.yaml")
        var medians = (tpe: 0.0, random: 0.0)
        for seed: UInt64 in [1, 2, 3, 4] {
            guard var sweep = base.sweep else { return XCTFail("no sweep") }
            sweep.samplerSeed = seed
            let objective = { (point: [JSONValue]) -> Double in
                let exponent = log10(point[0].doubleValue ?? 1) + 2
                return exponent * exponent + (point[1] == .int(32) ? 0 : 0.5)
            }
            let proposals = TPEProposals(sweep: sweep)
            var history: [TPEObservation] = []
            for batch in 0..<proposals.batchCount {
                for point in proposals.points(batch: batch, history: history) {
                    history.append(TPEObservation(values: point, loss: objective(point)))
                }
            }
            sweep.method = .random
            let random = try SweepExpander.expand(ExperimentFile(path: "t.yaml", config: base.config, sweep: sweep, tree: base.tree))
            let randomLosses = random.trials.map { objective($0.assignment.map(\.value)) }
            let median = { (losses: [Double]) -> Double in losses.sorted()[losses.count / 2] }
            let tpeLate = median(history.suffix(20).map(\.loss))
            let randomLate = median(Array(randomLosses.suffix(20)))
            XCTAssertLessThan(tpeLate, randomLate, "sampler seed \(seed)")
            medians.tpe += tpeLate / 4
            medians.random += randomLate / 4
            XCTAssertEqual(history.prefix(10).map(\.values), random.trials.prefix(10).map { $0.assignment.map(\.value) },
                           "startup points are the random sweep's")
        }
        XCTAssertLessThan(medians.tpe, 0.5 * medians.random, "mean over sampler seeds of the late median loss")
    }

    func testProposalsDependOnlyOnTheHistoryBeforeTheirBatch() throws {
        let file = try ConfigLoader.parse(yaml: """
            version: 1
            data: {source: synthetic}
            sweep:
              method: tpe
              parameters: {optimizer.lr: {min: 1.0e-4, max: 1.0e-1, log: true}}
              samples: 12
              tpe: {startup_trials: 4, batch: 4}
            """, fileName: "t.yaml")
        guard let sweep = file.sweep else { return XCTFail("no sweep") }
        let proposals = TPEProposals(sweep: sweep)
        let history = proposals.points(batch: 0, history: []).map { TPEObservation(values: $0, loss: $0[0].doubleValue ?? 0) }
        let first = proposals.points(batch: 1, history: history)
        XCTAssertEqual(proposals.points(batch: 1, history: history), first)
        XCTAssertEqual(Set(first.map { $0[0] }).count, 4, "each point of a batch has its own generator")
        XCTAssertEqual(proposals.pointRange(batch: 2), 8..<12)
    }
}
