import CFModels
import XCTest

/// A weighted mean counts a model c times by adding it c times, so it has the bits of the
/// same model listed c times; greedy selection picks complementary members and keeps the
/// best prefix of its path.
final class EnsembleWeightsTests: XCTestCase {
    /// Predicts a fixed value per pair index.
    final class Fixed: RatingPredictor {
        let values: [Float]
        init(_ values: [Float]) { self.values = values }
        var predictsConcurrently: Bool { true }
        func predict(users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, into output: UnsafeMutableBufferPointer<Float>) {
            for index in 0..<output.count { output[index] = values[Int(users[index])] }
        }
    }

    func predictions(_ model: RatingPredictor, count: Int) -> [Float] {
        let users = (0..<count).map { Int32($0) }
        var out = [Float](repeating: 0, count: count)
        users.withUnsafeBufferPointer { u in
            u.withMemoryRebound(to: Int32.self) { i in
                out.withUnsafeMutableBufferPointer { model.predict(users: u, items: i, into: $0) }
            }
        }
        return out
    }

    func testACountOfTwoHasTheBitsOfTheModelListedTwice() {
        var generator = SystemRandomNumberGenerator()
        let count = 257
        let a = Fixed((0..<count).map { _ in Float.random(in: 0...5, using: &generator) })
        let b = Fixed((0..<count).map { _ in Float.random(in: 0...5, using: &generator) })
        let c = Fixed((0..<count).map { _ in Float.random(in: 0...5, using: &generator) })
        let weighted = predictions(MeanPrediction(models: [a, b, c], counts: [2, 1, 3]), count: count)
        let listed = predictions(MeanPrediction(models: [a, a, b, c, c, c]), count: count)
        XCTAssertEqual(weighted.map(\.bitPattern), listed.map(\.bitPattern))
        let plain = predictions(MeanPrediction(models: [a, b]), count: count)
        let ones = predictions(MeanPrediction(models: [a, b], counts: [1, 1]), count: count)
        XCTAssertEqual(plain.map(\.bitPattern), ones.map(\.bitPattern))
        for index in 0..<count {
            XCTAssertEqual(Double(weighted[index]), (2 * Double(a.values[index]) + Double(b.values[index]) + 3 * Double(c.values[index])) / 6, accuracy: 1e-5)
        }
    }
}
