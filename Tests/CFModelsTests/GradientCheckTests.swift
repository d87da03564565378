import CFConfig
import CFCore
import Testing
@testable import CFModels

@Suite("finite-difference gradients")
struct GradientCheckTests {
    let batch = TinyBatch(users: 6, items: 5, count: 12, seed: 3)

    @Test func dotModel() throws {
        let model = try makeModel { $0.kind = .dot }
        #expect(gradientMismatches(model, batch) == [])
    }

    @Test(arguments: [YRange.none, .fixed(low: 0, high: 5.5), .data], [false, true])
    func dotBiasModel(yRange: YRange, globalMean: Bool) throws {
        let model = try makeModel {
            $0.kind = .dotBias
            $0.yRange = yRange
            $0.globalMean = globalMean
        }
        #expect(gradientMismatches(model, batch) == [])
    }

    /// With a fixed dropout seed the masks are the same in every pass, so the masked
    /// loss is a smooth function of the parameters and can be differenced too.
    @Test func dotBiasModelWithFixedDropoutMasks() throws {
        let model = try makeModel {
            $0.kind = .dotBias
            $0.yRange = .fixed(low: 0, high: 5.5)
            $0.dropout = Dropout(user: 0.3, item: 0.6)
        }
        #expect(gradientMismatches(model, batch) == [])
    }

    @Test func biasesModel() throws {
        let model = try makeModel { $0.kind = .biases }
        #expect(gradientMismatches(model, batch) == [])
    }

    @Test func globalMeanModelReportsErrorWithoutParameters() throws {
        let model = try makeModel { $0.kind = .globalMean }
        #expect(model.parameters.isEmpty)
        var random = Xoshiro256StarStar(seed: 1)
        let sum = model.forwardBackward(users: [0, 1], items: [0, 1], ratings: [3.5, 5.5], random: &random)
        #expect(abs(sum - 4.0) < 1e-9)
    }

    @Test func lossIsSumOfSquaredErrorsOfPredictions() throws {
        let model = try makeModel { $0.kind = .dotBias; $0.yRange = .fixed(low: 0, high: 5.5); $0.globalMean = true }
        let predictions = model.predict(users: batch.users, items: batch.items)
        var expected = 0.0
        for (prediction, rating) in zip(predictions, batch.ratings) {
            expected += Double((prediction - rating) * (prediction - rating))
        }
        var random = Xoshiro256StarStar(seed: 1)
        let sum = model.forwardBackward(users: batch.users, items: batch.items, ratings: batch.ratings, random: &random)
        #expect(abs(sum - expected) < 1e-4 * expected)
    }
}
