import CFCore
import CKernels

extension DotBiasModel {

    /// The forward/backward pass of the type's formula, one rating at a time, with the
    /// rows of a rating a few places ahead prefetched; masks are drawn and multiplied in
    /// only when a dropout rate is > 0 (a mask of ones changes no bit, so the mask-free
    /// loop gives the same results).
    public func forwardBackward(
        _ batch: RatingBatch, lane: Int, tables: [TableBuffers], random: inout Xoshiro256StarStar
    ) -> Double {
        let count = batch.count
        guard count > 0 else { return 0 }
        if implicitEmbedding != nil { return forwardBackwardImplicit(batch, lane: lane, tables: tables, random: &random) }
        let width = dimensions
        let scale = 2 / Float(count)
        let range = range
        let meanOffset = meanOffset
        let userMask = userDropouts[lane]
        let itemMask = itemDropouts[lane]
        let drawsMasks = userMask.isActive || itemMask.isActive
        // One row per mask: the buffers never grow, so these views stay valid.
        let userMasks = userMask.values
        let itemMasks = itemMask.values
        var squaredErrorSum = 0.0
        let (userValues, userGradient) = (tables[0].values, tables[0].gradient)
        let (itemValues, itemGradient) = (tables[1].values, tables[1].gradient)
        let (userBiases, userBiasGradient) = (tables[2].values, tables[2].gradient)
        let (itemBiases, itemBiasGradient) = (tables[3].values, tables[3].gradient)
        /// One rating's forward and backward pass; `masked` is a constant at each call.
        @inline(__always) func train(_ index: Int, masked: Bool) {
            prefetchRating(
                index + ratingPrefetchDistance, of: batch, width: width, users: userValues, items: itemValues,
                userGradients: userGradient, itemGradients: itemGradient)
            if masked {
                userMask.draw(rows: 1, random: &random)
                itemMask.draw(rows: 1, random: &random)
            }
            let user = Int(batch.users[index])
            let item = Int(batch.items[index])
            let userRow = user * width
            let itemRow = item * width
            var x = userBiases[user] + itemBiases[item] + meanOffset
            if masked {
                for offset in 0..<width {
                    x += userValues[userRow + offset] * userMasks[offset]
                        * itemValues[itemRow + offset] * itemMasks[offset]
                }
            } else {
                for offset in 0..<width {
                    x += userValues[userRow + offset] * itemValues[itemRow + offset]
                }
            }
            let (prediction, slope) = range.evaluate(x)
            let error = prediction - batch.ratings[index]
            squaredErrorSum += Double(error * error)
            let gradientScale = scale * error * slope
            for offset in 0..<width {
                let both = masked ? gradientScale * userMasks[offset] * itemMasks[offset] : gradientScale
                let userValue = userValues[userRow + offset]
                userGradient[userRow + offset] += both * itemValues[itemRow + offset]
                itemGradient[itemRow + offset] += both * userValue
            }
            userBiasGradient[user] += gradientScale
            itemBiasGradient[item] += gradientScale
        }
        if drawsMasks {
            for index in 0..<count { train(index, masked: true) }
        } else {
            // Without masks the forward sums do not depend on the backward scatters (those
            // write gradients, not values), so all of the batch's sums come first, four
            // ratings' chains at a time, then the scatters: the same operations per rating.
            let sums = forwardSums[lane]
            sums.reserve(count)
            let x = sums.pointer
            for index in 0..<count {
                x[index] = userBiases[Int(batch.users[index])] + itemBiases[Int(batch.items[index])] + meanOffset
            }
            cf_factor_dots(userValues.baseAddress, itemValues.baseAddress, batch.users.baseAddress, batch.items.baseAddress,
                           count, width, x)
            for index in 0..<count {
                prefetchRating(
                    index + ratingPrefetchDistance, of: batch, width: width, users: userValues, items: itemValues,
                    userGradients: userGradient, itemGradients: itemGradient)
                let user = Int(batch.users[index])
                let item = Int(batch.items[index])
                let (prediction, slope) = range.evaluate(x[index])
                let error = prediction - batch.ratings[index]
                squaredErrorSum += Double(error * error)
                let gradientScale = scale * error * slope
                cf_factor_scatter(userGradient.baseAddress! + user * width, itemGradient.baseAddress! + item * width,
                                  userValues.baseAddress! + user * width, itemValues.baseAddress! + item * width,
                                  gradientScale, width)
                userBiasGradient[user] += gradientScale
                itemBiasGradient[item] += gradientScale
            }
        }
        return squaredErrorSum + finishBatch(batch, lane: lane, tables: tables, scale: scale)
    }

    /// What every batch ends with: `l2`'s penalty (its sum returned, 0 without it) and the
    /// touched rows of the batch's users and items.
    func finishBatch(_ batch: RatingBatch, lane: Int, tables: [TableBuffers], scale: Float) -> Double {
        let penalty = userPenalties.isEmpty ? 0 : addPenalties(batch, tables: tables, scale: scale)
        userEmbedding.touch(batch.users, lane: lane)
        userBias.touch(batch.users, lane: lane)
        itemEmbedding.touch(batch.items, lane: lane)
        itemBias.touch(batch.items, lane: lane)
        return penalty
    }

    /// `l2`'s per-rating penalty of the batch (see the type's comment): adds its gradient
    /// and returns its sum, Σ w_u(‖p_u‖² + b_u²) + w_i(‖q_i‖² + b_i²), one rating at a time.
    func addPenalties(_ batch: RatingBatch, tables: [TableBuffers], scale: Float) -> Double {
        let width = dimensions
        var sum = 0.0
        func penalize(_ row: Int, weight: Float, values: UnsafeMutableBufferPointer<Float>, gradient: UnsafeMutableBufferPointer<Float>,
                      biases: UnsafeMutableBufferPointer<Float>, biasGradient: UnsafeMutableBufferPointer<Float>) {
            let step = scale * weight
            var squares = biases[row] * biases[row]
            biasGradient[row] += step * biases[row]
            for offset in row * width..<(row + 1) * width {
                squares += values[offset] * values[offset]
                gradient[offset] += step * values[offset]
            }
            sum += Double(weight * squares)
        }
        for index in 0..<batch.count {
            let user = Int(batch.users[index])
            let item = Int(batch.items[index])
            penalize(user, weight: userPenalties[user], values: tables[0].values, gradient: tables[0].gradient,
                     biases: tables[2].values, biasGradient: tables[2].gradient)
            penalize(item, weight: itemPenalties[item], values: tables[1].values, gradient: tables[1].gradient,
                     biases: tables[3].values, biasGradient: tables[3].gradient)
        }
        return sum
    }
}
