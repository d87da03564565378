import CFCore
import XCTest

final class RandomTests: XCTestCase {
    /// Published outputs of Vigna's splitmix64.c for seed 1234567.
    func testSplitMix64MatchesReferenceOutputs() {
        var generator = SplitMix64(seed: 1_234_567)
        let outputs = (0..<5).map { _ in generator.next() }
        XCTAssertEqual(outputs, [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ])
    }

    /// Outputs of the reference xoshiro256starstar.c from the state {1, 2, 3, 4}.
    func testXoshiroMatchesReferenceOutputs() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let outputs = (0..<6).map { _ in generator.next() }
        XCTAssertEqual(outputs, [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600,
        ])
    }

    func testSeedingGoesThroughSplitMix() {
        var generator = Xoshiro256StarStar(seed: 42)
        XCTAssertEqual((0..<3).map { _ in generator.next() },
                       [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
    }

    func testUniformHelpersStayInRange() {
        var generator = Xoshiro256StarStar(seed: 1)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 {
            let float = generator.nextFloat()
            XCTAssert(float >= 0 && float < 1)
            let double = generator.nextDouble()
            XCTAssert(double >= 0 && double < 1)
            counts[generator.nextInt(below: 7)] += 1
        }
        for count in counts { XCTAssertEqual(Double(count), 10_000, accuracy: 400) }
    }

    func testGaussianMomentsAndTruncation() {
        var generator = Xoshiro256StarStar(seed: 3)
        let draws = (0..<50_000).map { _ in generator.nextGaussian() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)
        XCTAssertEqual(mean, 0, accuracy: 0.02)
        XCTAssertEqual(variance, 1, accuracy: 0.03)
        for _ in 0..<10_000 {
            XCTAssertLessThanOrEqual(abs(generator.nextTruncatedGaussian(std: 0.01)), 0.02)
        }
    }

    func testShuffleIsAPermutationAndSeeded() {
        var first = Xoshiro256StarStar(seed: 9)
        var second = Xoshiro256StarStar(seed: 9)
        var a = Array(0..<100)
        var b = Array(0..<100)
        first.shuffle(&a)
        second.shuffle(&b)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, Array(0..<100))
        XCTAssertEqual(a.sorted(), Array(0..<100))
    }

    /// The specialised overloads make the same draws and swaps as the textbook loop, so
    /// that specialising them changed no training order and no split.
    func testSpecialisedShufflesMatchTheReferenceLoop() {
        func reference<T>(_ values: [T], seed: UInt64) -> [T] {
            var values = values
            var generator = Xoshiro256StarStar(seed: seed)
            var index = values.count - 1
            while index > 0 {
                values.swapAt(index, generator.nextInt(below: index + 1))
                index -= 1
            }
            return values
        }
        for count in [0, 1, 2, 7, 16, 17, 1000, 100_000] {
            var int32 = (0..<Int32(count)).map { $0 }
            var ints = Array(0..<count)
            var texts = (0..<count).map(String.init)
            var first = Xoshiro256StarStar(seed: 11)
            var second = Xoshiro256StarStar(seed: 11)
            var third = Xoshiro256StarStar(seed: 11)
            first.shuffle(&int32)
            second.shuffle(&ints)
            third.shuffle(&texts)
            XCTAssertEqual(int32, reference((0..<Int32(count)).map { $0 }, seed: 11))
            XCTAssertEqual(ints, reference(Array(0..<count), seed: 11))
            XCTAssertEqual(texts, reference((0..<count).map(String.init), seed: 11))
            XCTAssertEqual(first.state.0, second.state.0, "the same number of draws")
        }
    }

    func testStreamsAreIndependentAndStable() {
        let streams = RandomStreams(seed: 42)
        let seeds = RandomStreams.Purpose.allCases.map { streams.seed(for: $0) }
        XCTAssertEqual(Set(seeds).count, seeds.count)
        XCTAssertEqual(streams.seed(for: .shuffle), RandomStreams(seed: 42).seed(for: .shuffle))
        XCTAssertNotEqual(streams.seed(for: .shuffle), RandomStreams(seed: 43).seed(for: .shuffle))
        XCTAssertEqual(RandomStreams.derive(1, "a", "b"), RandomStreams.derive(1, labels: ["a", "b"]))
    }
}
