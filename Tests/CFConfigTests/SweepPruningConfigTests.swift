import CFConfig
import CFCore
import XCTest

/// `sweep.early_terminate` and `method: tpe` in the file: defaults, errors, and that a
/// file without them reads, keys and stores exactly as before.
final class SweepPruningConfigTests: XCTestCase {
    private let grid = Fixtures.minimal + """
    sweep:
      parameters: {optimizer.lr: [0.1, 0.2]}

    """

    func testEarlyTerminateDefaultsAndSpec() throws {
        let file = try ConfigLoader.parse(yaml: grid + "  early_terminate: {kind: asha}\n", fileName: "s.yaml")
        XCTAssertEqual(file.sweep?.earlyTerminate, EarlyTermination(kind: .asha, minEpochs: 1, eta: 3, metric: "valid_rmse"))
        XCTAssertEqual(file.sweep?.json["early_terminate"]?.compact,
                       #"{"kind":"asha","min_epochs":1,"eta":3,"metric":"valid_rmse"}"#)
    }

    func testAbsentKeysChangeNeitherTheSpecNorTheTrialKeys() throws {
        let plain = try ConfigLoader.parse(yaml: grid, fileName: "s.yaml")
        let pruned = try ConfigLoader.parse(yaml: grid + "  early_terminate: {kind: successive_halving, eta: 2}\n", fileName: "s.yaml")
        XCTAssertNil(plain.sweep?.earlyTerminate)
        XCTAssertEqual(plain.sweep?.json.compact,
                       #"{"method":"grid","parameters":{"optimizer.lr":[0.1,0.2]},"seeds":[42],"max_trials":500}"#)
        let keys = { (file: ExperimentFile) throws -> [String] in
            try SweepExpander.expand(file).trials.map { TrialKey.compute(config: $0.config, dataFingerprint: "f") }
        }
        XCTAssertEqual(try keys(plain), try keys(pruned), "pruning never changes what a trial is")
    }

    func testTPESettingsAndTheirDefaults() throws {
        let file = try ConfigLoader.parse(yaml: Fixtures.minimal + """
            sweep:
              method: tpe
              parameters: {optimizer.lr: {min: 1.0e-4, max: 1.0e-1, log: true}}
              samples: 30
              tpe: {startup_trials: 5, gamma: 0.2, batch: 2}
            """, fileName: "s.yaml")
        let sweep = try XCTUnwrap(file.sweep)
        XCTAssertEqual(sweep.tpe.startupTrials, 5)
        XCTAssertEqual(sweep.tpe.candidates, 24)
        XCTAssertEqual(sweep.tpe.gamma, 0.2)
        XCTAssertEqual(sweep.tpe.priorWeight, 1)
        XCTAssertEqual(sweep.tpe.batch, 2)
        let plan = try SweepExpander.expand(file)
        XCTAssertEqual(plan.count, 2, "the first batch")
        XCTAssertEqual(plan.laterTrials, 28)
    }

    func testErrorsNameTheKeyAndSuggest() {
        let yaml = Fixtures.minimal + """
        sweep:
          method: grid
          parameters: {optimizer.lr: [0.1, 0.2]}
          early_terminate: {kind: hyperband, eta: 1, min_epoch: 2, metric: valid_rmes}
          tpe: {batch: 2}
        """
        XCTAssertEqual(issueLines(yaml, fileName: "s.yaml"), [
            "s.yaml:6:27: sweep.early_terminate.kind: unknown value 'hyperband'; expected one of successive_halving, asha",
            "s.yaml:6:46: sweep.early_terminate.min_epoch: unknown key (did you mean 'min_epochs'?)",
            "s.yaml:7:8: sweep.tpe: applies only to method: tpe",
        ])
        let more = Fixtures.minimal + """
        sweep:
          method: tpe
          parameters: {optimizer.lr: {min: 1.0e-4, max: 1.0e-1}}
          early_terminate: {kind: successive_halving, eta: 1, metric: valid_rmes}
          tpe: {gamma: 1.5, batchsize: 2}
        """
        XCTAssertEqual(issueLines(more, fileName: "s.yaml"), [
            "s.yaml:6:27: sweep.early_terminate.kind: successive_halving waits for every trial, which tpe proposes batch by batch; use kind: asha with method: tpe",
            "s.yaml:6:52: sweep.early_terminate.eta: must be at least 2, got 1",
            "s.yaml:6:63: sweep.early_terminate.metric: unknown metric 'valid_rmes' (did you mean 'valid_rmse'?); expected one of valid_rmse, valid_mae, train_rmse, train_loss",
            "s.yaml:7:16: sweep.tpe.gamma: must be in (0, 1), got '1.5'",
            "s.yaml:7:21: sweep.tpe.batchsize: unknown key; allowed: startup_trials, candidates, gamma, prior_weight, batch, metric",
        ])
        XCTAssertEqual(issueLines(grid + "  early_terminate: {eta: 2}\n", fileName: "s.yaml"), [
            "s.yaml:5:20: sweep.early_terminate.kind: missing; give kind: successive_halving or kind: asha",
        ])
    }
}
