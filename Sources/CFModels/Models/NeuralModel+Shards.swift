import CFCore

/// A model that can split each batch into a fixed number of shards trained at once
/// (`training.shards`, a data-parallel batch split): the shards are a config value, so
/// results depend on them and never on the threads that run them.
public protocol ShardTrainable: RatingModel {
    /// Splits every following batch into `shards` consecutive parts (1: no split), run on
    /// up to `threads` threads. Call before training, never during a step.
    func useShards(_ shards: Int, threads: Int)
}

extension NeuralModel: ShardTrainable {
    /// A sharded batch computes the same function as the whole batch: batchnorm's
    /// statistics are the whole batch's (its shards' column sums, added in shard order),
    /// the masks are drawn as for the whole batch, and ∂L/∂θ is each shard's sum, added in
    /// shard order. Only rounding differs from `shards` = 1: the products run on shard-sized
    /// matrices and the sums in a different order.
    public func useShards(_ shards: Int, threads: Int) {
        guard shards > 1 else {
            sharding = nil
            batchShards = nil
            return
        }
        sharding = (shards, WorkerTeam(threads: min(max(threads, 1), shards)))
        batchShards = nil
        for block in blocks { block.linear.prepareShards(shards) }
        output.prepareShards(shards)
    }

    /// `forwardBackward` with the batch split into `shards`' consecutive row ranges, each
    /// step of the pass run for the shards at once on their team.
    func forwardBackwardSharded(_ batch: RatingBatch, shards: BatchShards, random: inout Xoshiro256StarStar) -> Double {
        let rows = batch.count
        embedded.reserve(rows * (userDimensions + itemDimensions))
        userEmbedding.values.withUnsafeBufferPointer { userTable in
            itemEmbedding.values.withUnsafeBufferPointer { itemTable in
                shards.run { _, range in
                    gatherRows(range, users: batch.users, items: batch.items, userTable: userTable,
                               itemTable: itemTable, coldStart: false)
                }
            }
        }
        applyEmbeddingDropout(rows: rows, random: &random)
        let outputs = forwardLayers(rows: rows, training: true, random: &random, shards: shards)
        let (last, lastInputs) = (output, output.inputs)
        var (gradient, spare) = reserveGradients(rows: rows)
        let squaredErrorSum = lossGradient(outputs, batch: batch, into: gradient)
        let (finalInput, outputGradient, inputGradient) = (layerInputs[blocks.count], gradient, spare)
        shards.run { shard, range in
            last.backwardShard(
                shard, input: finalInput + range.lowerBound * lastInputs, outputGradient: outputGradient + range.lowerBound,
                inputGradient: inputGradient + range.lowerBound * lastInputs, rows: range.count)
        }
        last.addShardGradients(shards.count, team: shards.team)
        swap(&gradient, &spare)
        for index in blocks.indices.reversed() {
            blocks[index].backwardSharded(
                input: layerInputs[index], gradient: gradient, inputGradient: spare, shards: shards)
            swap(&gradient, &spare)
        }
        scatterEmbeddingGradient(gradient, batch: batch, team: shards.team)
        return squaredErrorSum
    }
}
