import CFConfig
import CFCore
import Testing
@testable import CFModels

@Suite("embedding dropout")
struct DropoutTests {
    @Test(arguments: [0.3, 0.6])
    func masksDropAtTheRateAndScaleKeptUnits(rate: Double) {
        let mask = DropoutMask(rate: rate, width: 500)
        var random = Xoshiro256StarStar(seed: 11)
        mask.draw(rows: 200, random: &random)
        let values = Array(mask.values)
        #expect(values.count == 100_000)
        let dropped = values.filter { $0 == 0 }.count
        let kept = values.filter { $0 != 0 }
        // 100,000 Bernoulli draws: the standard error of the rate is below 0.0016.
        #expect(abs(Double(dropped) / 100_000 - rate) < 0.01)
        #expect(abs(Double(mask.keptScale) - 1 / (1 - rate)) < 1e-6)
        #expect(kept.allSatisfy { $0 == mask.keptScale })
        let mean = values.reduce(0.0) { $0 + Double($1) } / 100_000
        #expect(abs(mean - 1) < 0.03)
    }

    @Test func masksAreDeterminedByTheGenerator() {
        let first = DropoutMask(rate: 0.5, width: 64)
        let second = DropoutMask(rate: 0.5, width: 64)
        var randomA = Xoshiro256StarStar(seed: 4)
        var randomB = Xoshiro256StarStar(seed: 4)
        first.draw(rows: 3, random: &randomA)
        second.draw(rows: 3, random: &randomB)
        #expect(Array(first.values) == Array(second.values))
        var other = Xoshiro256StarStar(seed: 5)
        second.draw(rows: 3, random: &other)
        #expect(Array(first.values) != Array(second.values))
    }

    @Test func rateZeroDrawsNothingAndKeepsEverything() {
        let mask = DropoutMask(rate: 0, width: 8)
        var random = Xoshiro256StarStar(seed: 4)
        let before = random.state
        mask.draw(rows: 5, random: &random)
        #expect(random.state == before)
        #expect(mask.values.allSatisfy { $0 == 1 })
    }

    @Test func dropoutAppliesInTrainingOnlyAndIsReproducible() throws {
        let batch = TinyBatch(users: 6, items: 5, count: 30, seed: 8)
        let dropped = try makeModel { $0.kind = .dotBias; $0.dropout = Dropout(user: 0.3, item: 0.6) }
        let plain = try makeModel { $0.kind = .dotBias }
        // Same init seed: identical parameters, and prediction never applies dropout.
        #expect(dropped.predict(users: batch.users, items: batch.items) == plain.predict(users: batch.users, items: batch.items))
        let first = trainingLoss(dropped, batch, dropoutSeed: 21)
        let again = trainingLoss(dropped, batch, dropoutSeed: 21)
        let otherMasks = trainingLoss(dropped, batch, dropoutSeed: 22)
        let noDropout = trainingLoss(plain, batch, dropoutSeed: 21)
        #expect(first == again)
        #expect(first != otherMasks)
        #expect(first != noDropout)
    }
}
