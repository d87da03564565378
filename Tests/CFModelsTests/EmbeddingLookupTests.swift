import CFConfig
import CFCore
import Testing
@testable import CFModels

/// The embedding lookup E = X·P with a one-hot X [B, U] has the gradient
/// ∂L/∂P = Xᵀ·(∂L/∂E): the sparse accumulation must match the dense product exactly
/// on the looked-up rows (up to rounding) and leave every other row exactly zero.
@Suite("embedding lookup = one-hot product")
struct EmbeddingLookupTests {
    let userCount = 9
    let itemCount = 7
    let width = 4
    // Users 0 and 3 repeat, so rows accumulate; users 1, 2, 5, 7, 8 never appear.
    let users: [Int32] = [0, 3, 6, 0, 4, 3, 0]
    let items: [Int32] = [1, 2, 2, 5, 0, 6, 1]
    let ratings: [Float] = [4, 3, 5, 2.5, 1, 4.5, 3]

    @Test func userTableGradientMatchesOneHotProduct() throws {
        let statistics = allSeenStatistics(users: userCount, items: itemCount)
        let model = DotModel(dimensions: width, initializer: .normal(std: 0.7), statistics: statistics, streams: ParameterStreams(seed: 5))
        let count = users.count
        // One-hot X [B, U], then E = X·P [B, k] densely.
        var oneHot = [[Double]](repeating: [Double](repeating: 0, count: userCount), count: count)
        for row in 0..<count { oneHot[row][Int(users[row])] = 1 }
        let table = model.userEmbedding.values.map(Double.init)
        let items = model.itemEmbedding.values.map(Double.init)
        var outputGradient = [[Double]](repeating: [Double](repeating: 0, count: width), count: count)
        for row in 0..<count {
            var embedded = [Double](repeating: 0, count: width)
            for user in 0..<userCount where oneHot[row][user] != 0 {
                for column in 0..<width { embedded[column] += oneHot[row][user] * table[user * width + column] }
            }
            let itemRow = Int(self.items[row]) * width
            let prediction = (0..<width).reduce(0.0) { $0 + embedded[$1] * items[itemRow + $1] }
            let scale = 2 * (prediction - Double(ratings[row])) / Double(count)
            for column in 0..<width { outputGradient[row][column] = scale * items[itemRow + column] }
        }
        // ∂L/∂P = Xᵀ · ∂L/∂E.
        var dense = [Double](repeating: 0, count: userCount * width)
        for user in 0..<userCount {
            for column in 0..<width {
                for row in 0..<count { dense[user * width + column] += oneHot[row][user] * outputGradient[row][column] }
            }
        }
        var dropout = Xoshiro256StarStar(seed: 1)
        _ = model.forwardBackward(users: users, items: self.items, ratings: ratings, random: &dropout)
        let sparse = model.userEmbedding.gradient
        for user in 0..<userCount {
            let looked = users.contains(Int32(user))
            for column in 0..<width {
                let index = user * width + column
                if looked {
                    #expect(abs(Double(sparse[index]) - dense[index]) <= 1e-5 + 1e-4 * abs(dense[index]))
                } else {
                    #expect(sparse[index] == 0 && dense[index] == 0)
                }
            }
        }
        #expect(Set(model.userEmbedding.touchedRows) == Set(users))
        #expect(Set(model.itemEmbedding.touchedRows) == Set(self.items))
    }

    @Test func zeroGradientClearsOnlyTouchedRowsAndResetsThem() throws {
        var random = Xoshiro256StarStar(seed: 5)
        let statistics = allSeenStatistics(users: userCount, items: itemCount)
        let model = DotBiasModel(
            dimensions: width, initializer: .normal(std: 0.7), range: .identity, addsGlobalMean: false,
            dropout: Dropout(user: 0, item: 0), statistics: statistics, streams: ParameterStreams(seed: 5))
        _ = model.forwardBackward(users: users, items: items, ratings: ratings, random: &random)
        #expect(model.userBias.touchedRows == [0, 3, 6, 4])
        model.zeroGradients()
        for parameter in model.parameters {
            #expect(parameter.gradient.allSatisfy { $0 == 0 })
            #expect(parameter.touchedRows.isEmpty)
        }
    }

    /// `cf_zero_rows` zeroes exactly the touched rows, at any width (one Float, a vector
    /// tail, several vectors): the rest of the gradient is left as it was.
    @Test(arguments: [1, 3, 4, 17, 64])
    func zeroGradientZeroesExactlyTheTouchedRows(width: Int) {
        let rows = 10
        let parameter = Parameter(name: "t", shape: [rows, width], values: [Float](repeating: 0, count: rows * width), rowSparse: true)
        for index in parameter.gradient.indices { parameter.gradient[index] = Float(index + 1) }
        parameter.touch(7)
        parameter.touch(2)
        parameter.touch(7)
        parameter.zeroGradient()
        for row in 0..<rows {
            for column in 0..<width {
                let index = row * width + column
                #expect(parameter.gradient[index] == (row == 7 || row == 2 ? 0 : Float(index + 1)), "row \(row), column \(column)")
            }
        }
        #expect(parameter.touchedRows.isEmpty)
    }

    /// A bias table that takes its embedding's marks (`sharingMarksOf:`) gets the list and
    /// places marking would give: on a compact lane, after a later mark of its own (the
    /// places are settled first, so no row is listed twice), across a clear, and when the
    /// leader's marks are not the batch's alone (a second batch, or a plain mark that
    /// added a row; it then marks for itself).
    @Test func sharedMarksAreTheMarksOfTheBatch() {
        let rows = 12
        func table(_ width: Int) -> Parameter {
            Parameter(name: "t\(width)", shape: [rows, width], values: [Float](repeating: 0, count: rows * width), rowSparse: true)
        }
        let (leader, follower, reference) = (table(4), table(1), table(1))
        for parameter in [leader, follower, reference] { parameter.prepareLanes(2, compact: true) }
        let batch: [Int32] = [5, 2, 5, 9, 0, 2, 11]
        let lane = 1
        // Compact lanes never write the table they are given.
        let scratch = UnsafeMutableBufferPointer<Float>.allocate(capacity: rows * 4)
        defer { scratch.deallocate() }
        batch.withUnsafeBufferPointer { batch in
            func places(_ targets: GradientTargets, _ parameter: Parameter) -> [Int] {
                let base = parameter.compactGradient(lane: lane)!
                return (0..<batch.count).map { (targets.row($0, width: 1) - base) }
            }
            for round in 0..<2 {
                _ = leader.gradientTargets(batch, lane: lane, gradient: scratch)
                let shared = follower.gradientTargets(
                    batch, lane: lane, gradient: scratch, sharingMarksOf: leader)
                let marked = reference.gradientTargets(batch, lane: lane, gradient: scratch)
                #expect(follower.touchedRows(lane: lane) == [5, 2, 9, 0, 11], "round \(round)")
                #expect(places(shared, follower) == places(marked, reference), "round \(round)")
                // A later batch of the follower's own, before any clear: old rows keep their places.
                let more: [Int32] = [9, 3, 5]
                more.withUnsafeBufferPointer { more in
                    let own = follower.gradientTargets(more, lane: lane, gradient: scratch)
                    #expect(places(own, follower).prefix(3) == [2, 5, 0])
                }
                #expect(follower.touchedRows(lane: lane) == [5, 2, 9, 0, 11, 3])
                for parameter in [leader, follower, reference] { parameter.zeroGradient(lane: lane) }
                #expect(follower.touchedRows(lane: lane).isEmpty)
            }
            // The leader marked twice since its clear: its marks are not this batch's alone.
            let other: [Int32] = [7]
            other.withUnsafeBufferPointer { other in
                _ = leader.gradientTargets(other, lane: lane, gradient: scratch)
            }
            _ = leader.gradientTargets(batch, lane: lane, gradient: scratch)
            _ = follower.gradientTargets(
                batch, lane: lane, gradient: scratch, sharingMarksOf: leader)
            #expect(leader.touchedRows(lane: lane) == [7, 5, 2, 9, 0, 11])
            #expect(follower.touchedRows(lane: lane) == [5, 2, 9, 0, 11])
            for parameter in [leader, follower] { parameter.zeroGradient(lane: lane) }
            // The leader's batch, then a row of its own (a plain mark): not the batch's alone either.
            _ = leader.gradientTargets(batch, lane: lane, gradient: scratch)
            other.withUnsafeBufferPointer { leader.touch($0, lane: lane) }
            _ = follower.gradientTargets(batch, lane: lane, gradient: scratch, sharingMarksOf: leader)
            #expect(leader.touchedRows(lane: lane) == [5, 2, 9, 0, 11, 7])
            #expect(follower.touchedRows(lane: lane) == [5, 2, 9, 0, 11])
        }
    }
}
