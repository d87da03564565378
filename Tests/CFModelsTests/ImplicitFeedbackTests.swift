import CFConfig
import CFCore
import CFData
import Testing
@testable import CFModels

/// `model.implicit: true` (SVD++): the gradient of y through z, z's upkeep, and the
/// predictions a model makes from it.
@Suite("dot_bias implicit: SVD++'s y and z")
struct ImplicitFeedbackTests {
    let batch = TinyBatch(users: 6, items: 5, count: 14, seed: 8)

    /// Statistics measured on the batch itself, with each user's rated items listed.
    var statistics: TrainingStatistics { batch.statistics(users: 6, items: 5, ratedItems: true) }

    func model(_ configure: (inout ModelConfig) -> Void = { _ in }) throws -> DotBiasModel {
        var config = ModelConfig()
        config.kind = .dotBias
        config.embeddingDim = .fixed(4)
        config.initializer = .normal(std: 0.5)
        config.implicit = true
        configure(&config)
        return try #require(
            try ModelFactory.make(config: config, statistics: statistics, streams: ParameterStreams(seed: 1)) as? DotBiasModel)
    }

    @Test(arguments: [YRange.none, .fixed(low: 0, high: 5.5)], [0.0, 0.3])
    func gradientsMatchFiniteDifferences(yRange: YRange, l2: Double) throws {
        for dropout in [Dropout(user: 0, item: 0), Dropout(user: 0.2, item: 0.1)] {
            let model = try model {
                $0.yRange = yRange
                $0.l2 = l2
                $0.dropout = dropout
            }
            #expect(model.parameters.map(\.name).contains("implicit_embedding"))
            #expect(gradientMismatches(model, batch) == [], "dropout \(dropout)")
        }
    }

    /// s_u = p_u + |N(u)|^(-1/2) Σ y_j over the items u rated, recomputed by `finishEpoch`
    /// from the current p and y.
    @Test func finishEpochSumsEachUsersRatedItems() throws {
        let model = try model()
        let y = try #require(model.implicitEmbedding), s = try #require(model.userFactors)
        for (index, _) in y.values.enumerated() { y.values[index] += Float(index % 7) * 0.01 }
        for (index, _) in model.userEmbedding.values.enumerated() { model.userEmbedding.values[index] -= Float(index % 5) * 0.02 }
        model.finishEpoch()
        let rated = Dictionary(grouping: zip(batch.users, batch.items), by: { Int($0.0) })
        for user in 0..<6 {
            let items = rated[user]?.map { Int($0.1) } ?? []
            for k in 0..<4 {
                let sum = items.reduce(0.0) { $0 + Double(y.values[$1 * 4 + k]) }
                let expected = Double(model.userEmbedding.values[user * 4 + k])
                    + (items.isEmpty ? 0 : sum / Double(items.count).squareRoot())
                #expect(abs(Double(s.values[user * 4 + k]) - expected) < 1e-5, "user \(user) column \(k)")
            }
        }
    }

    /// After an epoch's `finishEpoch`, prediction (dropout off) agrees with the training
    /// pass's own forward: same s = p + z.
    @Test func predictionsAgreeWithTheTrainingForward() throws {
        let model = try model { $0.yRange = .fixed(low: 0, high: 5.5) }
        var random = Xoshiro256StarStar(seed: 1)
        let trainingSum = model.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
        model.zeroGradients()
        let predicted = model.predict(users: batch.users, items: batch.items)
        let predictedSum = zip(predicted, batch.ratings).reduce(0.0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) }
        #expect(abs(trainingSum - predictedSum) < 1e-4 * predictedSum)
        // The plain model's predictions differ: z is not zero.
        let plain = try self.model { $0.yRange = .fixed(low: 0, high: 5.5); $0.implicit = false }
        #expect(plain.predict(users: batch.users, items: batch.items) != predicted)
    }

    /// `factorForm` (ranking) scores seen pairs with predict's bits.
    @Test func factorFormKeepsPredictBits() throws {
        let model = try model { $0.yRange = .fixed(low: 0, high: 5.5) }
        let form = try #require(model.factorForm)
        let predicted = model.predict(users: batch.users, items: batch.items)
        for (index, (user, item)) in zip(batch.users, batch.items).enumerated() {
            var x = form.userStarts[Int(user)] + form.itemOffsets![Int(item)]
            for k in 0..<4 { x += form.userFactors.values[Int(user) * 4 + k] * form.itemFactors.values[Int(item) * 4 + k] }
            #expect(form.range.value(x).bitPattern == predicted[index].bitPattern, "pair \(index)")
        }
    }

    /// A model rebuilt without the item lists (as analysis rebuilds a stored one) keeps the s it is given.
    @Test func aModelWithoutItemListsKeepsItsFactors() throws {
        var config = ModelConfig()
        config.kind = .dotBias
        config.embeddingDim = .fixed(4)
        config.implicit = true
        let bare = try #require(
            try ModelFactory.make(config: config, statistics: allSeenStatistics(users: 6, items: 5), streams: ParameterStreams(seed: 1))
                as? DotBiasModel)
        let s = try #require(bare.userFactors)
        s.values = (0..<s.values.count).map { Float($0) }
        bare.finishEpoch()
        #expect(s.values == (0..<s.values.count).map { Float($0) })
    }
}
