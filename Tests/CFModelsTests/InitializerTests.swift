import CFConfig
import CFCore
import Testing
@testable import CFModels

@Suite("initialisation")
struct InitializerTests {
    let count = 200_000

    func moments(_ values: [Float]) -> (mean: Double, std: Double) {
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }

    @Test func uniformStaysInRangeWithUniformMoments() {
        var random = Xoshiro256StarStar(seed: 1)
        let values = Initializer.uniform(low: 0, high: 0.05).sample(count: count, random: &random)
        #expect(values.allSatisfy { $0 >= 0 && $0 <= 0.05 })
        let (mean, std) = moments(values)
        #expect(abs(mean - 0.025) < 2e-4)
        #expect(abs(std - 0.05 / 12.0.squareRoot()) < 2e-4)
    }

    @Test func normalHasTheRequestedStd() {
        var random = Xoshiro256StarStar(seed: 2)
        let values = Initializer.normal(std: 0.01).sample(count: count, random: &random)
        let (mean, std) = moments(values)
        #expect(abs(mean) < 1e-4)
        #expect(abs(std - 0.01) < 2e-4)
        // An untruncated normal has ~4.6% of values beyond 2 std.
        let tail = Double(values.filter { abs($0) > 0.02 }.count) / Double(count)
        #expect(abs(tail - 0.0455) < 0.004)
    }

    @Test func truncatedNormalIsRedrawnBeyondTwoStd() {
        var random = Xoshiro256StarStar(seed: 3)
        let values = Initializer.truncatedNormal(std: 0.01).sample(count: count, random: &random)
        #expect(values.allSatisfy { abs($0) <= 0.02 })
        let (mean, std) = moments(values)
        #expect(abs(mean) < 1e-4)
        // The std of N(0, 1) truncated to [-2, 2] is 0.8796.
        #expect(abs(std - 0.008796) < 2e-4)
    }

    @Test func sameSeedSameParametersDifferentSeedDifferent() throws {
        for kind in [ModelConfig.Kind.dot, .dotBias] {
            let first = try makeModel({ $0.kind = kind; $0.initializer = .truncatedNormal(std: 0.01) }, seed: 9)
            let second = try makeModel({ $0.kind = kind; $0.initializer = .truncatedNormal(std: 0.01) }, seed: 9)
            let other = try makeModel({ $0.kind = kind; $0.initializer = .truncatedNormal(std: 0.01) }, seed: 10)
            #expect(first.parameters.map(\.values) == second.parameters.map(\.values))
            #expect(first.parameters.map(\.values) != other.parameters.map(\.values))
        }
    }

    @Test func dotBiasDrawsEachTableFromTheStreamOfItsNameAndShape() throws {
        let model = try makeModel({ $0.kind = .dotBias }, users: 6, items: 5, seed: 12)
        #expect(model.parameters.map(\.name) == ["user_embedding", "item_embedding", "user_bias", "item_bias"])
        let streams = RandomStreams(seed: 12)
        let initializer = Initializer.normal(std: 0.5)
        let expected = model.parameters.map { parameter in
            var random = Xoshiro256StarStar(seed: streams.initializationSeed(tensor: parameter.name, shape: parameter.shape))
            return initializer.sample(count: parameter.values.count, random: &random)
        }
        #expect(model.parameters.map(\.values) == expected)
        #expect(model.parameters.map(\.shape) == [[6, 4], [5, 4], [6, 1], [5, 1]])
        #expect(model.parameters.allSatisfy { $0.rowSparse })
    }

    /// Semantics 1: one `init` stream, drawn in the documented order.
    @Test func sequentialSchemeDrawsDotBiasTablesInDocumentedOrderFromOneStream() throws {
        var config = ModelConfig()
        config.kind = .dotBias
        config.embeddingDim = .fixed(4)
        config.initializer = .normal(std: 0.5)
        let streams = RandomStreams(seed: 12, scheme: .sequential)
        let model = try ModelFactory.make(
            config: config, statistics: allSeenStatistics(users: 6, items: 5), streams: streams.parameterStreams())
        var random = streams.generator(for: .initialization)
        let expected = [6 * 4, 5 * 4, 6, 5].map { config.initializer.sample(count: $0, random: &random) }
        #expect(model.parameters.map(\.values) == expected)
    }

    @Test func aTensorsInitialValuesDependOnlyOnSeedNameAndShape() throws {
        let narrow = try makeModel({ $0.kind = .dot }, users: 6, items: 5, seed: 12)
        let withBiases = try makeModel({ $0.kind = .dotBias }, users: 6, items: 5, seed: 12)
        let moreItems = try makeModel({ $0.kind = .dotBias }, users: 6, items: 7, seed: 12)
        #expect(narrow.parameters[0].values == withBiases.parameters[0].values)
        #expect(narrow.parameters[1].values == withBiases.parameters[1].values)
        #expect(moreItems.parameters[0].values == withBiases.parameters[0].values)
        #expect(moreItems.parameters[1].values.prefix(20) != withBiases.parameters[1].values.prefix(20))
    }

    @Test func biasesStartAtZero() throws {
        var config = ModelConfig()
        config.kind = .biases
        let model = try ModelFactory.make(config: config, statistics: allSeenStatistics(users: 3, items: 2), streams: ParameterStreams(seed: 1))
        #expect(model.parameters.allSatisfy { $0.values.allSatisfy { $0 == 0 } })
    }
}
