import CFCore

/// Which points a `tpe` sweep visits, batch by batch.
///
/// Points are numbered from 0; batch b holds points b·B … (b+1)·B − 1 (B = `tpe.batch`,
/// the last batch cut at `samples`). Point k < `startup_trials` is point k of a `random`
/// sweep with the same `sampler_seed`; a later point is proposed by `TPESampler` from the
/// observations of every point before its batch, with its own generator
/// Xoshiro256**(derive(sampler_seed, "tpe", k)). So a proposal depends only on the
/// results of earlier batches, in trial order, never on which trial finished first.
public struct TPEProposals: Sendable {
    public let sweep: SweepSpec

    public init(sweep: SweepSpec) {
        self.sweep = sweep
    }

    /// How many batches the sweep has.
    public var batchCount: Int {
        (sweep.samples + sweep.tpe.batch - 1) / sweep.tpe.batch
    }

    /// The point indexes of batch `batch`.
    public func pointRange(batch: Int) -> Range<Int> {
        let start = min(batch * sweep.tpe.batch, sweep.samples)
        return start..<min(start + sweep.tpe.batch, sweep.samples)
    }

    /// The points of batch `batch`, given the observations of every point before it.
    public func points(batch: Int, history: [TPEObservation]) -> [[JSONValue]] {
        let range = pointRange(batch: batch)
        let startup = SweepExpander.randomPoints(of: sweep, count: min(sweep.tpe.startupTrials, range.upperBound))
        let sampler = TPESampler(parameters: sweep.parameters, settings: sweep.tpe)
        return range.map { index in
            if index < startup.count { return startup[index] }
            var generator = Xoshiro256StarStar(seed: RandomStreams.derive(sweep.samplerSeed, "tpe", String(index)))
            return sampler.propose(after: history, using: &generator)
        }
    }
}
