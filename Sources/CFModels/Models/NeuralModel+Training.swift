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
                for row in 0..<batch.count {
                    let userRow = Int(batch.users[row]) * userWidth
                    let itemRow = Int(batch.items[row]) * itemWidth
                    for offset in 0..<userWidth {
                        let mask = userMask?[row * userWidth + offset] ?? 1
                        userGradient[userRow + offset] += mask * gradient[row * width + offset]
                    }
                    for offset in 0..<itemWidth {
                        let mask = itemMask?[row * itemWidth + offset] ?? 1
                        itemGradient[itemRow + offset] += mask * gradient[row * width + userWidth + offset]
                    }
                }
            }
        }
        userEmbedding.touch(batch.users)
        itemEmbedding.touch(batch.items)
    }
}
