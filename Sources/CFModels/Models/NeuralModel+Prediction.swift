import CFCore

extension NeuralModel {
    /// Scores pairs in chunks of `predictionChunk` rows, in inference mode: no dropout,
    /// batchnorm with running statistics, unseen users' or items' embeddings as zeros.
    public func predict(
        users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>,
        into output: UnsafeMutableBufferPointer<Float>
    ) {
        precondition(users.count == items.count && items.count <= output.count, "predict: length mismatch")
        // Inference draws nothing; the generator only satisfies the shared signature.
        var unused = Xoshiro256StarStar(seed: 0)
        var start = 0
        while start < users.count {
            let rows = min(predictionChunk, users.count - start)
            let chunkUsers = UnsafeBufferPointer(rebasing: users[start..<(start + rows)])
            let chunkItems = UnsafeBufferPointer(rebasing: items[start..<(start + rows)])
            gatherEmbeddings(users: chunkUsers, items: chunkItems, rows: rows, coldStart: true)
            let outputs = forwardLayers(rows: rows, training: false, random: &unused)
            for row in 0..<rows { output[start + row] = range.value(outputs[row]) }
            start += rows
        }
    }

    /// Writes x₀ = [p_u ; q_i] row by row into `embedded`, prefetching the next rows.
    /// With `coldStart`, an unseen user's or item's part is zero.
    func gatherEmbeddings(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, rows: Int, coldStart: Bool) {
        embedded.reserve(rows * (userDimensions + itemDimensions))
        userEmbedding.values.withUnsafeBufferPointer { userTable in
            itemEmbedding.values.withUnsafeBufferPointer { itemTable in
                gatherRows(0..<rows, users: users, items: items, userTable: userTable, itemTable: itemTable, coldStart: coldStart)
            }
        }
    }

    /// `gatherEmbeddings` for `rows` of the batch, from tables the caller opened (shards
    /// gather their rows at once; `embedded` must already hold the whole batch).
    func gatherRows(
        _ rows: Range<Int>, users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>,
        userTable: UnsafeBufferPointer<Float>, itemTable: UnsafeBufferPointer<Float>, coldStart: Bool
    ) {
        let (userWidth, itemWidth) = (userDimensions, itemDimensions)
        let width = userWidth + itemWidth
        let values = embedded.pointer
        let statistics = statistics
        for row in rows {
            if row + 1 < rows.upperBound {
                prefetchRow(userTable, users[row + 1], width: userWidth)
                prefetchRow(itemTable, items[row + 1], width: itemWidth)
            }
            let user = users[row]
            let item = items[row]
            let knownUser = !coldStart || statistics.isKnown(user: user)
            let knownItem = !coldStart || statistics.isKnown(item: item)
            // Whole-row copies (or zeros for a cold-start side): the same values, by memcpy.
            let target = values + row * width
            if knownUser {
                target.update(from: userTable.baseAddress! + Int(user) * userWidth, count: userWidth)
            } else {
                target.update(repeating: 0, count: userWidth)
            }
            if knownItem {
                (target + userWidth).update(from: itemTable.baseAddress! + Int(item) * itemWidth, count: itemWidth)
            } else {
                (target + userWidth).update(repeating: 0, count: itemWidth)
            }
        }
    }

    /// Runs the blocks and the output layer on `embedded`, recording each layer's input;
    /// returns o, one pre-sigmoid value per row (valid until the next pass). With `shards`
    /// (training only), each layer runs for the shards at once on their team.
    func forwardLayers(
        rows: Int, training: Bool, random: inout Xoshiro256StarStar, shards: BatchShards? = nil
    ) -> UnsafeMutablePointer<Float> {
        var input = embedded.pointer
        for index in blocks.indices {
            layerInputs[index] = input
            if let shards {
                input = blocks[index].forwardSharded(input, shards: shards, random: &random)
            } else {
                input = blocks[index].forward(input, rows: rows, training: training, random: &random)
            }
        }
        layerInputs[blocks.count] = input
        scores.reserve(rows)
        let outputs = scores.pointer
        if let shards {
            let (last, inputs, lastInput) = (output, output.inputs, input)
            shards.run { _, range in
                last.forward(lastInput + range.lowerBound * inputs, into: outputs + range.lowerBound, rows: range.count)
            }
        } else {
            output.forward(input, into: outputs, rows: rows)
        }
        return outputs
    }
}
