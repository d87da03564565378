import CFCore

/// One batch cut into `count` consecutive row ranges (`ParallelLoop.ranges`), and the
/// team that runs a step of the pass for all of them at once (shard s on member
/// s mod size). `training.shards` makes one per batch size and keeps it, so a step
/// allocates no ranges.
struct BatchShards {
    let ranges: [Range<Int>]
    let team: WorkerTeam

    init(rows: Int, count: Int, team: WorkerTeam) {
        ranges = ParallelLoop.ranges(rows, pieces: count)
        self.team = team
    }

    var count: Int { ranges.count }
    /// The batch's rows: where the last range ends.
    var rows: Int { ranges.last?.upperBound ?? 0 }

    /// Runs `body(shard, its rows)` for every shard at once; returns when all are done.
    func run(_ body: (Int, Range<Int>) -> Void) {
        let ranges = ranges
        team.run(ranges.count) { body($0, ranges[$0]) }
    }
}
