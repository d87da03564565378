import CFCore

extension NeuralModel {
    /// The type's forward pass on the whole batch (dense layers via `Linalg.sgemm`), then
    /// the backward pass; returns Σ (r̂ - r)².
    public func forwardBackward(_ batch: RatingBatch, random: inout Xoshiro256StarStar) -> Double {
        let rows = batch.count
        guard rows > 0 else { return 0 }
        gatherEmbeddings(users: batch.users, items: batch.items, rows: rows, coldStart: false)
        applyEmbeddingDropout(rows: rows, random: &random)
        let outputs = forwardLayers(rows: rows, training: true, random: &random)
        gradients.0.reserve(rows * widestLayer)
        gradients.1.reserve(rows * widestLayer)
        var gradient = gradients.0.pointer
        var spare = gradients.1.pointer
        let scale = 2 / Float(rows)
        var squaredErrorSum = 0.0
        for row in 0..<rows {
            let (prediction, slope) = range.evaluate(outputs[row])
            let error = prediction - batch.ratings[row]
            squaredErrorSum += Double(error * error)
            gradient[row] = scale * error * slope
        }
        output.backward(input: layerInputs[blocks.count], outputGradient: gradient, inputGradient: spare, rows: rows)
        swap(&gradient, &spare)
        for index in blocks.indices.reversed() {
            blocks[index].backward(input: layerInputs[index], gradient: gradient, inputGradient: spare, rows: rows)
            swap(&gradient, &spare)
        }
        scatterEmbeddingGradient(gradient, batch: batch)
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
    func scatterEmbeddingGradient(_ gradient: UnsafeMutablePointer<Float>, batch: RatingBatch) {
        let (userWidth, itemWidth) = (userDimensions, itemDimensions)
        let width = userWidth + itemWidth
        let userMask = userDropout.isActive ? userDropout.values : nil
        let itemMask = itemDropout.isActive ? itemDropout.values : nil
        userEmbedding.gradient.withUnsafeMutableBufferPointer { userGradient in
            itemEmbedding.gradient.withUnsafeMutableBufferPointer { itemGradient in
                // Without a mask the product is m·g with m = 1, which is g itself: the
                // unmasked sides add g directly, in a loop the compiler vectorises.
                for row in 0..<batch.count {
                    let userTarget = userGradient.baseAddress! + Int(batch.users[row]) * userWidth
                    let itemTarget = itemGradient.baseAddress! + Int(batch.items[row]) * itemWidth
                    let source = UnsafePointer(gradient + row * width)
                    Self.accumulate(into: userTarget, source, mask: userMask.map { $0.baseAddress! + row * userWidth }, count: userWidth)
                    Self.accumulate(into: itemTarget, source + userWidth, mask: itemMask.map { $0.baseAddress! + row * itemWidth }, count: itemWidth)
                }
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
