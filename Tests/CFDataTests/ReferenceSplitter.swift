@testable import CFData
import CFConfig
import CFCore

/// The split as cflab made it before the in-place `Int32` one: plain `[Int]` index
/// lists, a textbook Fisher-Yates shuffle, a copied array per user and `subset` per
/// part. `SplitParityTests` holds `Splitter` to it bit for bit.
enum ReferenceSplitter {
    static func split(_ dataset: Dataset, config: SplitConfig, seed: UInt64, semantics: RunSemantics) -> DataSplit {
        let streamSeed = RandomStreams(seed: seed).seed(for: .split)
        var firstStream = Xoshiro256StarStar(seed: streamSeed)
        let secondStream = Xoshiro256StarStar(seed: RandomStreams.derive(streamSeed, "valid"))
        let ratings = dataset.ratings
        let train: RatingSet, valid: RatingSet
        var test: RatingSet?
        if semantics.foldsHoldOutTest, config.kind == .predefined || config.kind == .kfold {
            var validStream = secondStream
            let (base, held): (RatingSet, RatingSet)
            if config.kind == .predefined, let fold = dataset.predefinedFolds[config.predefinedFold] {
                (base, held) = (fold.train, fold.test)
            } else {
                let parts = apply(.fold(count: config.folds, index: config.fold), to: Array(0..<ratings.count), in: ratings, using: &firstStream)
                (base, held) = (ratings.subset(parts.kept), ratings.subset(parts.held))
            }
            let parts = apply(.random(fraction: config.valid), to: Array(0..<base.count), in: base, using: &validStream)
            (train, valid, test) = (base.subset(parts.kept), base.subset(parts.held), held)
        } else if config.kind == .predefined, let fold = dataset.predefinedFolds[config.predefinedFold] {
            if config.test > 0 {
                let parts = apply(.random(fraction: config.valid), to: Array(0..<fold.train.count), in: fold.train, using: &firstStream)
                (train, valid, test) = (fold.train.subset(parts.kept), fold.train.subset(parts.held), fold.test)
            } else {
                (train, valid) = (fold.train, fold.test)
            }
        } else {
            var rest = Array(0..<ratings.count)
            var validFraction = config.valid
            var validStream = firstStream
            if config.test > 0 {
                let parts = apply(Splitter.rule(config, fraction: config.test, isTest: true), to: rest, in: ratings, using: &firstStream)
                rest = parts.kept
                test = ratings.subset(parts.held)
                validFraction = config.valid / (1 - config.test)
                validStream = secondStream
            }
            let parts = apply(Splitter.rule(config, fraction: validFraction, isTest: false), to: rest, in: ratings, using: &validStream)
            (train, valid) = (ratings.subset(parts.kept), ratings.subset(parts.held))
        }
        var definition = Splitter.definition(config, seed: seed, dataset: dataset)
        if semantics.foldsHoldOutTest, config.kind == .predefined || config.kind == .kfold {
            definition = definition.setting("folds_hold_out_test", to: .bool(true))
        }
        let fingerprint = Splitter.fingerprint(definition: definition, train: train, valid: valid, test: test)
        return DataSplit(train: train, valid: valid, test: test, fingerprint: fingerprint)
    }

    /// For i from the end down to 1, swap i with a uniform j ≤ i.
    static func shuffle(_ values: inout [Int], using rng: inout Xoshiro256StarStar) {
        var index = values.count - 1
        while index > 0 {
            values.swapAt(index, rng.nextInt(below: index + 1))
            index -= 1
        }
    }

    static func apply(
        _ rule: HoldOut.Rule, to indices: [Int], in ratings: RatingSet, using rng: inout Xoshiro256StarStar
    ) -> (kept: [Int], held: [Int]) {
        var isHeld = [Bool](repeating: false, count: ratings.count)
        switch rule {
        case let .random(fraction):
            var shuffled = indices
            shuffle(&shuffled, using: &rng)
            for index in shuffled.prefix(HoldOut.heldCount(fraction, of: indices.count)) { isHeld[index] = true }
        case let .fold(count, foldIndex):
            var shuffled = indices
            shuffle(&shuffled, using: &rng)
            for (position, index) in shuffled.enumerated() where position % count == foldIndex { isHeld[index] = true }
        case let .perUser(fraction):
            for var segment in users(indices, in: ratings) {
                let count = segment.count
                guard count >= 2, fraction > 0 else { continue }
                let held = min(count - 1, max(1, Int((fraction * Double(count)).rounded())))
                for position in 0..<held {
                    segment.swapAt(position, position + rng.nextInt(below: count - position))
                    isHeld[segment[position]] = true
                }
            }
        case let .latest(fraction):
            let ordered = indices.sorted { (ratings.timestamps[$0], $0) < (ratings.timestamps[$1], $1) }
            for index in ordered.suffix(HoldOut.heldCount(fraction, of: indices.count)) { isHeld[index] = true }
        case let .lastPerUser(count):
            for segment in users(indices, in: ratings) {
                let sorted = segment.sorted { (ratings.timestamps[$0], $0) < (ratings.timestamps[$1], $1) }
                for index in sorted.suffix(min(count, sorted.count - 1)) { isHeld[index] = true }
            }
        }
        return (indices.filter { !isHeld[$0] }, indices.filter { isHeld[$0] })
    }

    /// Each user's indices (ascending), users in dense order.
    static func users(_ indices: [Int], in ratings: RatingSet) -> [[Int]] {
        let userCount = Int(indices.map { ratings.users[$0] }.max() ?? -1) + 1
        var groups = [[Int]](repeating: [], count: userCount)
        for index in indices { groups[Int(ratings.users[index])].append(index) }
        return groups.filter { !$0.isEmpty }
    }
}
