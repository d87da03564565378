import CFCore

extension NeuralModel {
    /// The type's forward pass on the whole batch (dense layers via `Linalg.sgemm`), then
    /// the backward pass; returns Σ (r̂ - r)².
    public func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double {
        let rows = batch.count
        guard rows > 0 else { return 0 }
        if let sharding {
            if batchShards?.rows != rows { batchShards = BatchShards(rows: rows, count: sharding.shards, team: sharding.team) }
            if let batchShards { return forwardBackwardSharded(batch, shards: batchShards, random: &random) }
        }
        gatherEmbeddings(users: batch.users, items: batch.items, rows: rows, coldStart: false)
        applyEmbeddingDropout(rows: rows, random: &random)
        let outputs = forwardLayers(rows: rows, training: true, random: &random)
        var (gradient, spare) = reserveGradients(rows: rows)
        let squaredErrorSum = lossGradient(outputs, batch: batch, into: gradient)
        output.backward(input: layerInputs[blocks.count], outputGradient: gradient, inputGradient: spare, rows: rows)
        swap(&gradient, &spare)
        for index in blocks.indices.reversed() {
            blocks[index].backward(input: layerInputs[index], gradient: gradient, inputGradient: spare, rows: rows)
            swap(&gradient, &spare)
        }
        scatterEmbeddingGradient(gradient, batch: batch)
        return squaredErrorSum
    }

    /// The ping-pong buffers for ∂L/∂x_l, each room for `rows` rows of the widest layer.
    func reserveGradients(rows: Int) -> (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) {
        gradients.0.reserve(rows * widestLayer)
        gradients.1.reserve(rows * widestLayer)
        return (gradients.0.pointer, gradients.1.pointer)
    }

    /// ∂L/∂o = 2(r̂ - r)·s′(o)/B into `gradient`, row by row; returns Σ (r̂ - r)².
    func lossGradient(_ outputs: UnsafeMutablePointer<Float>, batch: RatingBatch, into gradient: UnsafeMutablePointer<Float>) -> Double {
        let scale = 2 / Float(batch.count)
        var squaredErrorSum = 0.0
        for row in 0..<batch.count {
            let (prediction, slope) = range.evaluate(outputs[row])
            let error = prediction - batch.ratings[row]
            squaredErrorSum += Double(error * error)
            gradient[row] = scale * error * slope
        }
        return squaredErrorSum
    }

    /// Multiplies x₀ by the embedding masks: the batch's user masks are drawn, then its item masks.
    func applyEmbeddingDropout(rows: Int, random: inout Xoshiro256StarStar) {
        guard userDropout.isActive || itemDropout.isActive else { return }
        userDropout.draw(rows: rows, random: &random)
        itemDropout.draw(rows: rows, random: &random)
        let (userWidth, itemWidth) = (userDimensions, itemDimensions)
        let width = userWidth + itemWidth
        let (userMask, itemMask) = (userDropout.values, itemDropout.values)
        let values = embedded.pointer
        for row in 0..<rows {
            for offset in 0..<userWidth { values[row * width + offset] *= userMask[row * userWidth + offset] }
            for offset in 0..<itemWidth {
                values[row * width + userWidth + offset] *= itemMask[row * itemWidth + offset]
            }
        }
    }

    /// ∂L/∂p_u += m_u ⊙ ∂L/∂x₀[row, user part], likewise for items; touches the rows.
    /// With a `team`, the user side and the item side run at once (they share no memory;
    /// each side adds its rows in batch order, as without one).
    func scatterEmbeddingGradient(_ gradient: UnsafeMutablePointer<Float>, batch: RatingBatch, team: WorkerTeam? = nil) {
        let (userWidth, itemWidth) = (userDimensions, itemDimensions)
        let width = userWidth + itemWidth
        let userMask = userDropout.isActive ? userDropout.values : nil
        let itemMask = itemDropout.isActive ? itemDropout.values : nil
        /// One side's scatter: its part of each row of ∂L/∂x₀, into its table's gradient.
        func scatter(into table: UnsafeMutablePointer<Float>, ids: UnsafeBufferPointer<Int32>, offset: Int, sideWidth: Int,
                     mask: UnsafeMutableBufferPointer<Float>?) {
            // Without a mask the product is m·g with m = 1, which is g itself: the
            // unmasked sides add g directly, in a loop the compiler vectorises.
            for row in 0..<batch.count {
                Self.accumulate(
                    into: table + Int(ids[row]) * sideWidth, UnsafePointer(gradient + row * width + offset),
                    mask: mask.map { $0.baseAddress! + row * sideWidth }, count: sideWidth)
            }
        }
        userEmbedding.gradient.withUnsafeMutableBufferPointer { userGradient in
            itemEmbedding.gradient.withUnsafeMutableBufferPointer { itemGradient in
                let (users, items) = (userGradient.baseAddress!, itemGradient.baseAddress!)
                let sides = { (side: Int) in
                    if side == 0 {
                        scatter(into: users, ids: batch.users, offset: 0, sideWidth: userWidth, mask: userMask)
                    } else {
                        scatter(into: items, ids: batch.items, offset: userWidth, sideWidth: itemWidth, mask: itemMask)
                    }
                }
                if let team { team.run(2, sides) } else { sides(0); sides(1) }
            }
        }
        userEmbedding.touch(batch.users)
        itemEmbedding.touch(batch.items)
    }

    /// target[k] += mask[k]·source[k] (or += source[k] without a mask), for k in 0..<count.
    @inline(__always)
    static func accumulate(
        into target: UnsafeMutablePointer<Float>, _ source: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>?,
        count: Int
    ) {
        if let mask {
            for offset in 0..<count { target[offset] += mask[offset] * source[offset] }
        } else {
            for offset in 0..<count { target[offset] += source[offset] }
        }
    }
}
