import CFCore

/// `implicit: true` (SVD++): the training pass and the upkeep of s = p + z, the user
/// factors `predict` reads. With
/// s_u = p_u + z_u, z_u = c_u Σ_{j∈N(u)} y_j and c_u = |N(u)|^(−1/2), the forward pass is
///
///     x = (m_u ⊙ s_u) · (m_i ⊙ q_i) + b_u + b_i + μ,    r̂ = s(x)
///
/// and, for g = 2(r̂ − r)·s'(x)/B and d = g·m_u⊙m_i,
///
///     ∂L/∂p_u += d⊙q_i,  ∂L/∂q_i += d⊙s_u,  ∂L/∂y_j += c_u·d⊙q_i  (j ∈ N(u)),  ∂L/∂b += g.
///
/// Each rating computes s_u from the current p and y (never from the buffer, which is only
/// brought up to date at the end of an epoch), summing y_j over N(u) in training order,
/// column by column, then s = p + c·Σ: the operations `finishEpoch` repeats, so
/// predictions after an epoch use the bits training would.
extension DotBiasModel {
    /// c_u for every user, from the statistics' item lists (empty without them).
    static func implicitNorms(_ statistics: TrainingStatistics) -> [Float] {
        guard statistics.ratedStarts.count == statistics.userCount + 1 else { return [] }
        return (0..<statistics.userCount).map { user in
            let count = statistics.ratedStarts[user + 1] - statistics.ratedStarts[user]
            return count > 0 ? Float(1 / Double(count).squareRoot()) : 0
        }
    }

    /// Brings s = p + z (`userFactors`) up to date with p and y; a model without the item
    /// lists (a rebuilt one, whose s is loaded with its parameters) keeps the s it has.
    public func finishEpoch() {
        guard let implicitEmbedding, let userFactors, !implicitNorms.isEmpty else { return }
        let width = dimensions
        let starts = statistics.ratedStarts, rated = statistics.ratedItems
        implicitEmbedding.values.withUnsafeBufferPointer { y in
            userEmbedding.values.withUnsafeBufferPointer { p in
                userFactors.values.withUnsafeMutableBufferPointer { factors in
                    for user in 0..<implicitNorms.count {
                        let row = factors.baseAddress! + user * width, userRow = p.baseAddress! + user * width
                        row.update(repeating: 0, count: width)
                        for index in Int(starts[user])..<Int(starts[user + 1]) {
                            let source = y.baseAddress! + Int(rated[index]) * width
                            for k in 0..<width { row[k] += source[k] }
                        }
                        let norm = implicitNorms[user]
                        for k in 0..<width { row[k] = userRow[k] + norm * row[k] }
                    }
                }
            }
        }
    }

    /// The training pass of the extension's comment, one rating at a time in batch order
    /// (masks drawn per rating, user then item, as the plain pass draws them).
    func forwardBackwardImplicit(
        _ batch: RatingBatch, lane: Int, tables: [TableBuffers], random: inout Xoshiro256StarStar
    ) -> Double {
        let count = batch.count
        let width = dimensions
        let scale = 2 / Float(count)
        let range = range
        let meanOffset = meanOffset
        let userMask = userDropouts[lane], itemMask = itemDropouts[lane]
        let masked = userMask.isActive || itemMask.isActive
        let userMasks = userMask.values, itemMasks = itemMask.values
        let (p, pGradient) = (tables[0].values.baseAddress!, tables[0].gradient.baseAddress!)
        let (q, qGradient) = (tables[1].values.baseAddress!, tables[1].gradient.baseAddress!)
        let (userBiases, userBiasGradient) = (tables[2].values, tables[2].gradient)
        let (itemBiases, itemBiasGradient) = (tables[3].values, tables[3].gradient)
        let (y, yGradient) = (tables[4].values.baseAddress!, tables[4].gradient.baseAddress!)
        let scratch = implicitScratch[lane]
        scratch.reserve(2 * width)
        let s = scratch.pointer, d = scratch.pointer + width
        let starts = statistics.ratedStarts, rated = statistics.ratedItems
        var squaredErrorSum = 0.0
        rated.withUnsafeBufferPointer { rated in
            for index in 0..<count {
                if masked {
                    userMask.draw(rows: 1, random: &random)
                    itemMask.draw(rows: 1, random: &random)
                }
                let user = Int(batch.users[index]), item = Int(batch.items[index])
                let userRow = p + user * width, itemRow = q + item * width
                let first = Int(starts[user]), end = Int(starts[user + 1])
                let norm = implicitNorms[user]
                s.update(repeating: 0, count: width)
                for position in first..<end {
                    let source = y + Int(rated[position]) * width
                    for k in 0..<width { s[k] += source[k] }
                }
                for k in 0..<width { s[k] = userRow[k] + norm * s[k] }
                var x = userBiases[user] + itemBiases[item] + meanOffset
                if masked {
                    for k in 0..<width { x += s[k] * userMasks[k] * itemRow[k] * itemMasks[k] }
                } else {
                    for k in 0..<width { x += s[k] * itemRow[k] }
                }
                let (prediction, slope) = range.evaluate(x)
                let error = prediction - batch.ratings[index]
                squaredErrorSum += Double(error * error)
                let gradientScale = scale * error * slope
                let userGradient = pGradient + user * width, itemGradient = qGradient + item * width
                for k in 0..<width {
                    let both = masked ? gradientScale * userMasks[k] * itemMasks[k] : gradientScale
                    userGradient[k] += both * itemRow[k]
                    itemGradient[k] += both * s[k]
                    d[k] = norm * (both * itemRow[k])
                }
                for position in first..<end {
                    let target = yGradient + Int(rated[position]) * width
                    for k in 0..<width { target[k] += d[k] }
                }
                userBiasGradient[user] += gradientScale
                itemBiasGradient[item] += gradientScale
                implicitEmbedding!.touch(UnsafeBufferPointer(rebasing: rated[first..<end]), lane: lane)
            }
        }
        // This pass writes the tables (its lanes are never compact): the targets mark the
        // batch's rows touched and give the penalty their rows.
        let targets = (
            userEmbedding.gradientTargets(batch.users, lane: lane, gradient: tables[0].gradient),
            itemEmbedding.gradientTargets(batch.items, lane: lane, gradient: tables[1].gradient),
            userBias.gradientTargets(batch.users, lane: lane, gradient: tables[2].gradient),
            itemBias.gradientTargets(batch.items, lane: lane, gradient: tables[3].gradient))
        guard !userPenalties.isEmpty else { return squaredErrorSum }
        return squaredErrorSum + addPenalties(batch, tables: tables, scale: scale, targets: targets)
    }
}
