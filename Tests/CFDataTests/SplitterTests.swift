@testable import CFData
import CFConfig
import CFTestSupport
import XCTest

final class SplitterTests: XCTestCase {
    private lazy var dataset: Dataset = SyntheticData.generate(Planted.options(users: 120, items: 80, ratings: 3000, seed: 11))

    private func config(_ kind: SplitConfig.Kind, valid: Double = 0.2, test: Double = 0) -> SplitConfig {
        var config = SplitConfig()
        config.kind = kind
        config.valid = valid
        config.test = test
        return config
    }

    /// The (user, item) keys of a part; pairs are unique in a dataset, so they identify ratings.
    private func keys(_ part: RatingSet?) -> Set<Int64> {
        guard let part else { return [] }
        return Set(zip(part.users, part.items).map { Int64($0) << 32 | Int64($1) })
    }

    private func assertPartition(_ split: DataSplit, file: StaticString = #filePath, line: UInt = #line) {
        let train = keys(split.train)
        let valid = keys(split.valid)
        let test = keys(split.test)
        XCTAssertTrue(train.isDisjoint(with: valid), file: file, line: line)
        XCTAssertTrue(train.isDisjoint(with: test), file: file, line: line)
        XCTAssertTrue(valid.isDisjoint(with: test), file: file, line: line)
        XCTAssertEqual(train.union(valid).union(test), keys(dataset.ratings), file: file, line: line)
        XCTAssertEqual(split.train.count + split.valid.count + (split.test?.count ?? 0), dataset.ratings.count, file: file, line: line)
    }

    func testRandomSplitCountsPartitionAndDeterminism() throws {
        let split = try Splitter.split(dataset, config: config(.random), seed: 42)
        XCTAssertEqual(split.valid.count, 600)
        XCTAssertEqual(split.train.count, 2400)
        XCTAssertNil(split.test)
        assertPartition(split)
        let again = try Splitter.split(dataset, config: config(.random), seed: 42)
        XCTAssertEqual(again.valid, split.valid)
        XCTAssertEqual(again.fingerprint, split.fingerprint)
        let other = try Splitter.split(dataset, config: config(.random), seed: 43)
        XCTAssertNotEqual(other.valid, split.valid)
        XCTAssertNotEqual(other.fingerprint, split.fingerprint)
    }

    func testThreeWayRandomSplit() throws {
        let split = try Splitter.split(dataset, config: config(.random, valid: 0.2, test: 0.1), seed: 5)
        XCTAssertEqual(split.test?.count, 300)
        XCTAssertEqual(split.valid.count, 600)
        XCTAssertEqual(split.train.count, 2100)
        assertPartition(split)
        // The test part is held out first, from the same stream as a two-way split's validation.
        let twoWay = try Splitter.split(dataset, config: config(.random, valid: 0.1), seed: 5)
        XCTAssertEqual(split.test, twoWay.valid)
    }

    func testKFoldPartitionsTheDataUnderSemantics2() throws {
        var union = Set<Int64>()
        var sizes: [Int] = []
        for fold in 0..<5 {
            var kfold = config(.kfold)
            kfold.folds = 5
            kfold.fold = fold
            let split = try Splitter.split(dataset, config: kfold, seed: 9, semantics: .perTensorStreams)
            assertPartition(split)
            XCTAssertTrue(union.isDisjoint(with: keys(split.valid)))
            union.formUnion(keys(split.valid))
            sizes.append(split.valid.count)
        }
        XCTAssertEqual(union, keys(dataset.ratings))
        XCTAssertEqual(sizes, [600, 600, 600, 600, 600])
        var bad = config(.kfold)
        bad.fold = 5
        XCTAssertThrowsError(try Splitter.split(dataset, config: bad, seed: 9))
    }

    func testKFoldHoldsOutEachFoldAsTestAndCarvesValidationFromTheRest() throws {
        var union = Set<Int64>()
        for fold in 0..<5 {
            var kfold = config(.kfold, valid: 0.25)
            kfold.folds = 5
            kfold.fold = fold
            let split = try Splitter.split(dataset, config: kfold, seed: 9)
            assertPartition(split)
            let test = try XCTUnwrap(split.test)
            XCTAssertEqual(test.count, 600, "the fold is the test part")
            XCTAssertEqual(split.valid.count, 600, "a quarter of the other 2,400")
            XCTAssertEqual(split.train.count, 1800)
            XCTAssertTrue(union.isDisjoint(with: keys(test)))
            union.formUnion(keys(test))
        }
        XCTAssertEqual(union, keys(dataset.ratings), "the test folds cover the data once")
        XCTAssertThrowsError(try Splitter.split(dataset, config: config(.kfold, test: 0.1), seed: 9)) { error in
            XCTAssertTrue("\(error)".hasPrefix("split: `test` must be 0 for kind kfold: the held-out fold is the test part"), "\(error)")
        }
    }

    func testKFoldWithTestHoldsOutTestFirstUnderSemantics2() throws {
        var kfold = config(.kfold, test: 0.1)
        kfold.folds = 4
        let split = try Splitter.split(dataset, config: kfold, seed: 9, semantics: .perTensorStreams)
        assertPartition(split)
        XCTAssertEqual(split.test?.count, 300)
        XCTAssertEqual(split.valid.count, 675)
    }

    func testPerUserKeepsEveryUserInTrainAndHoldsSomethingOut() throws {
        for (valid, test) in [(0.2, 0.0), (0.05, 0.0), (0.2, 0.2)] {
            let split = try Splitter.split(dataset, config: config(.perUser, valid: valid, test: test), seed: 3)
            assertPartition(split)
            var total = [Int32: Int]()
            for user in dataset.ratings.users { total[user, default: 0] += 1 }
            let trainUsers = Set(split.train.users)
            let heldUsers = Set(split.valid.users).union(split.test?.users ?? [])
            for (user, count) in total {
                XCTAssertTrue(trainUsers.contains(user), "user \(user) has no training rating")
                if count >= 2 { XCTAssertTrue(heldUsers.contains(user), "user \(user) holds nothing out") }
            }
        }
        let single = try Splitter.split(dataset, config: config(.perUser, valid: 0.5), seed: 3)
        XCTAssertEqual(single.valid.count + single.train.count, dataset.ratings.count)
    }

    func testTemporalGlobalCutoff() throws {
        let split = try Splitter.split(dataset, config: config(.temporal, valid: 0.2, test: 0.1), seed: 1)
        assertPartition(split)
        XCTAssertEqual(split.test?.count, 300)
        XCTAssertEqual(split.valid.count, 600)
        let latestTrain = split.train.timestamps.max() ?? 0
        XCTAssertGreaterThanOrEqual(split.valid.timestamps.min() ?? 0, latestTrain)
        XCTAssertGreaterThanOrEqual(split.test?.timestamps.min() ?? 0, split.valid.timestamps.max() ?? 0)
    }

    func testTemporalLastNPerUser() throws {
        var lastTwo = config(.temporal)
        lastTwo.lastN = 2
        let split = try Splitter.split(dataset, config: lastTwo, seed: 1)
        assertPartition(split)
        var trainLatest = [Int32: Int64]()
        for index in 0..<split.train.count {
            trainLatest[split.train.users[index]] = max(trainLatest[split.train.users[index]] ?? .min, split.train.timestamps[index])
        }
        var heldPerUser = [Int32: Int]()
        for index in 0..<split.valid.count {
            let user = split.valid.users[index]
            heldPerUser[user, default: 0] += 1
            XCTAssertGreaterThanOrEqual(split.valid.timestamps[index], trainLatest[user] ?? .max)
        }
        var total = [Int32: Int]()
        for user in dataset.ratings.users { total[user, default: 0] += 1 }
        for (user, count) in total { XCTAssertEqual(heldPerUser[user] ?? 0, min(2, count - 1)) }
    }

    func testPredefinedFold() throws {
        var data = dataset
        let train = dataset.ratings.subset(0..<2000)
        let test = dataset.ratings.subset(2000..<3000)
        data.predefinedFolds = ["u1": (train, test)]
        var predefined = config(.predefined, valid: 0.1)
        predefined.predefinedFold = "u1"
        // Semantics 3: u1.test is the test part, validation comes from u1.base.
        let honest = try Splitter.split(data, config: predefined, seed: 1)
        XCTAssertEqual(honest.test, test)
        XCTAssertEqual(honest.valid.count, 200)
        XCTAssertEqual(honest.train.count, 1800)
        XCTAssertTrue(keys(honest.valid).isDisjoint(with: keys(test)), "the test part never chooses")
        assertPartition(honest)
        XCTAssertNotEqual(try Splitter.split(data, config: predefined, seed: 2).valid, honest.valid, "validation has its own seed")
        XCTAssertThrowsError(try Splitter.split(data, config: config(.predefined, valid: 0.1, test: 0.5), seed: 1))
        // Semantics 2: u1.test was the validation set unless test > 0.
        let split = try Splitter.split(data, config: predefined, seed: 1, semantics: .perTensorStreams)
        XCTAssertEqual(split.train, train)
        XCTAssertEqual(split.valid, test)
        XCTAssertNil(split.test)
        let threeWay = try Splitter.split(data, config: config(.predefined, valid: 0.1, test: 0.5), seed: 1, semantics: .perTensorStreams)
        XCTAssertEqual(threeWay.test, test)
        XCTAssertEqual(threeWay.valid.count, 200)
        XCTAssertEqual(threeWay.train.count, 1800)
        assertPartition(threeWay)
        predefined.predefinedFold = "u9"
        XCTAssertThrowsError(try Splitter.split(data, config: predefined, seed: 1)) { error in
            XCTAssertEqual("\(error)", "split: no predefined fold `u9` in synthetic (available: u1)")
        }
    }

    /// `refit`: the same draws, then validation joins training in canonical order; the
    /// test part is untouched, and only the refit split's fingerprint differs.
    func testRefitTrainsOnTrainingAndValidationAndKeepsTheTestPart() throws {
        var data = dataset
        data.predefinedFolds = ["u1": (dataset.ratings.subset(0..<2000), dataset.ratings.subset(2000..<3000))]
        var predefined = config(.predefined, valid: 0.1)
        var random = config(.random, valid: 0.2, test: 0.1)
        for (base, source) in [(predefined, data), (random, dataset)] {
            var refit = base
            refit.refit = true
            let chosen = try Splitter.split(source, config: base, seed: 3)
            let final = try Splitter.split(source, config: refit, seed: 3)
            XCTAssertEqual(final.test, chosen.test)
            XCTAssertTrue(final.valid.isEmpty)
            XCTAssertEqual(keys(final.train), keys(chosen.train).union(keys(chosen.valid)))
            XCTAssertEqual(final.train.count, chosen.train.count + chosen.valid.count)
            let order = zip(final.train.users, final.train.items).map { Int64($0) << 32 | Int64($1) }
            XCTAssertEqual(order, order.sorted(), "canonical (user, item) order")
            XCTAssertNotEqual(final.fingerprint, chosen.fingerprint)
            XCTAssertEqual(try Splitter.split(source, config: refit, seed: 3).fingerprint, final.fingerprint)
        }
        // A predefined fold's refit trains on all of u1.base, in the fold's order.
        predefined.refit = true
        XCTAssertEqual(try Splitter.split(data, config: predefined, seed: 3).train, dataset.ratings.subset(0..<2000))
        random.refit = false
        XCTAssertNil(Splitter.definition(random, seed: 3, dataset: dataset)["refit"], "splits stored before refit keep their fingerprints")
    }

    func testFingerprintCoversTheDefinition() throws {
        let random = try Splitter.split(dataset, config: config(.random), seed: 1)
        var temporal = config(.temporal)
        let first = try Splitter.split(dataset, config: temporal, seed: 1)
        let second = try Splitter.split(dataset, config: temporal, seed: 2)
        XCTAssertEqual(first.valid, second.valid)
        XCTAssertNotEqual(first.fingerprint, second.fingerprint)
        XCTAssertNotEqual(random.fingerprint, first.fingerprint)
        temporal.valid = 1.2
        XCTAssertThrowsError(try Splitter.split(dataset, config: temporal, seed: 1))
    }

    func testColdStartCounts() {
        let train = RatingSet(users: [0, 1], items: [0, 1], ratings: [1, 2], timestamps: [0, 0])
        let other = RatingSet(users: [0, 2, 2, 1], items: [2, 0, 3, 1], ratings: [1, 1, 1, 1], timestamps: [0, 0, 0, 0])
        let cold = ColdStart(train: train, other: other)
        XCTAssertEqual(cold.total, 4)
        XCTAssertEqual(cold.unknownUserRatings, 2)
        XCTAssertEqual(cold.unknownItemRatings, 2)
        XCTAssertEqual(cold.unknownEitherRatings, 3)
        XCTAssertEqual(cold.unknownUsers, 1)
        XCTAssertEqual(cold.unknownItems, 2)
    }
}
