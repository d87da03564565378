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
        let (userValues, itemValues) = (tables[0].values, tables[1].values)
        let (userBiases, itemBiases) = (tables[2].values, tables[3].values)
        // Where each rating's gradient rows go (the tables, or a block lane's compact buffers);
        // marking the batch's rows touched first changes no value. A bias table has its
        // embedding's rows, so it takes the embedding's marks.
        let userTarget = userEmbedding.gradientTargets(batch.users, lane: lane, gradient: tables[0].gradient)
        let itemTarget = itemEmbedding.gradientTargets(batch.items, lane: lane, gradient: tables[1].gradient)
        let userBiasTarget = userBias.gradientTargets(batch.users, lane: lane, gradient: tables[2].gradient, sharingMarksOf: userEmbedding)
        let itemBiasTarget = itemBias.gradientTargets(batch.items, lane: lane, gradient: tables[3].gradient, sharingMarksOf: itemEmbedding)
        /// One rating's forward and backward pass; `masked` is a constant at each call.
        @inline(__always) func train(_ index: Int, masked: Bool) {
            prefetchRating(index + ratingPrefetchDistance, of: batch, width: width, users: userValues, items: itemValues,
                           userGradients: userTarget, itemGradients: itemTarget)
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
            let userGradient = userTarget.row(index, width: width), itemGradient = itemTarget.row(index, width: width)
            for offset in 0..<width {
                let both = masked ? gradientScale * userMasks[offset] * itemMasks[offset] : gradientScale
                let userValue = userValues[userRow + offset]
                userGradient[offset] += both * itemValues[itemRow + offset]
                itemGradient[offset] += both * userValue
            }
            userBiasTarget.row(index, width: 1).pointee += gradientScale
            itemBiasTarget.row(index, width: 1).pointee += gradientScale
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
                prefetchRating(index + ratingPrefetchDistance, of: batch, width: width, users: userValues, items: itemValues,
                               userGradients: userTarget, itemGradients: itemTarget)
                let user = Int(batch.users[index])
                let item = Int(batch.items[index])
                let (prediction, slope) = range.evaluate(x[index])
                let error = prediction - batch.ratings[index]
                squaredErrorSum += Double(error * error)
                let gradientScale = scale * error * slope
                cf_factor_scatter(userTarget.row(index, width: width), itemTarget.row(index, width: width),
                                  userValues.baseAddress! + user * width, itemValues.baseAddress! + item * width,
                                  gradientScale, width)
                userBiasTarget.row(index, width: 1).pointee += gradientScale
                itemBiasTarget.row(index, width: 1).pointee += gradientScale
            }
        }
        guard !userPenalties.isEmpty else { return squaredErrorSum }
        return squaredErrorSum + addPenalties(
            batch, tables: tables, scale: scale, targets: (userTarget, itemTarget, userBiasTarget, itemBiasTarget))
    }

    /// The gradient rows of a batch's ratings, in the order of `parameters`' first four.
    typealias BatchTargets = (users: GradientTargets, items: GradientTargets, userBiases: GradientTargets, itemBiases: GradientTargets)

    /// `l2`'s per-rating penalty of the batch (see the type's comment): adds its gradient
    /// and returns its sum, Σ w_u(‖p_u‖² + b_u²) + w_i(‖q_i‖² + b_i²), one rating at a time.
    func addPenalties(_ batch: RatingBatch, tables: [TableBuffers], scale: Float, targets: BatchTargets) -> Double {
        let width = dimensions
        var sum = 0.0
        func penalize(_ row: Int, weight: Float, values: UnsafeMutableBufferPointer<Float>, gradient: UnsafeMutablePointer<Float>,
                      biases: UnsafeMutableBufferPointer<Float>, biasGradient: UnsafeMutablePointer<Float>) {
            let step = scale * weight
            var squares = biases[row] * biases[row]
            biasGradient.pointee += step * biases[row]
            for offset in 0..<width {
                let value = values[row * width + offset]
                squares += value * value
                gradient[offset] += step * value
            }
            sum += Double(weight * squares)
        }
        for index in 0..<batch.count {
            let user = Int(batch.users[index])
            let item = Int(batch.items[index])
            penalize(user, weight: userPenalties[user], values: tables[0].values, gradient: targets.users.row(index, width: width),
                     biases: tables[2].values, biasGradient: targets.userBiases.row(index, width: 1))
            penalize(item, weight: itemPenalties[item], values: tables[1].values, gradient: targets.items.row(index, width: width),
                     biases: tables[3].values, biasGradient: targets.itemBiases.row(index, width: 1))
        }
        return sum
    }
}
