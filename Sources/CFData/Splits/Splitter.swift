import CFConfig
import CFCore
import Foundation

/// Divides a dataset into train, validation and optional test parts, reproducibly from a seed.
///
/// Every kind has a three-way form: when `test` > 0, the test part is held out first
/// (from the `split` stream of `RandomStreams(seed:)`), then validation is carved from
/// the rest with its own seed derived from that stream's seed and the label `valid`.
/// Fractions are of the whole dataset: `valid: 0.2, test: 0.1` gives 70/20/10. Parts
/// keep the dataset's canonical (user, item) order.
///
/// - `random`: a seeded permutation; the first round(fraction·n) positions are held out.
/// - `kfold`: a seeded permutation; position p belongs to fold p mod `folds`. Under
///   semantics 3, fold `fold` is the test part and validation is a random `valid`
///   fraction of the other folds, from the `valid` stream (`test` must be 0). Under
///   semantics 2 and before, fold `fold` was validation (`valid` ignored; with `test` > 0
///   the test part was a random holdout and the folds divided the rest).
/// - `per_user`: each user with m ≥ 2 ratings holds out min(m − 1, max(1, round(f·m)))
///   of them, chosen at random (rounding half away from zero), so every user keeps at
///   least one training rating; users with one rating keep it in train.
/// - `temporal`: without `last_n`, the latest round(f·n) ratings by (timestamp, canonical
///   position) are held out, so every held-out timestamp is ≥ every training one; with
///   `last_n`, each user's last min(n, m − 1) ratings are held out (test takes the last
///   n, validation the n before).
/// - `predefined`: the named fold of `dataset.predefinedFolds`. Under semantics 3 its
///   test part (u1.test) is always the test part, and validation is a random `valid`
///   fraction of its training part (u1.base), from the `valid` stream (`test` must be
///   0). Under semantics 2 and before, u1.test was the validation set unless `test` > 0.
///
/// With `refit`, the validation part is drawn as above, then joins the training part
/// (merged back into canonical order) and validation is empty: the training part of the
/// final fit of a chosen configuration, with the same test part.
///
/// So under semantics 3 no split lets the test part choose the best epoch, stop early
/// or rank a comparison.
public enum Splitter {
    /// The parts of `dataset` by `config`, drawn from `seed`'s split stream; the dataset keeps its ratings.
    public static func split(_ dataset: Dataset, config: SplitConfig, seed: UInt64, semantics: RunSemantics = .current) throws -> DataSplit {
        var copy = dataset
        return try split(&copy, config: config, seed: seed, semantics: semantics, releasing: false)
    }

    /// `split` for a dataset needed no longer: its rating columns are released as the
    /// parts are built (`Dataset.releaseRatings()`; the rest of it is kept), so that the
    /// split never needs much more memory than the ratings once. The parts are those of
    /// `split`, bit for bit. The memory is freed only when nothing else holds the columns.
    public static func split(
        releasing dataset: inout Dataset, config: SplitConfig, seed: UInt64, semantics: RunSemantics = .current
    ) throws -> DataSplit {
        try split(&dataset, config: config, seed: seed, semantics: semantics, releasing: true)
    }

    private static func split(
        _ dataset: inout Dataset, config: SplitConfig, seed: UInt64, semantics: RunSemantics, releasing: Bool
    ) throws -> DataSplit {
        try validate(config, dataset: dataset, semantics: semantics)
        precondition(!dataset.hasReleasedRatings, "the ratings of \(dataset.name) were released: load it again to split it")
        precondition(dataset.ratings.count <= Int(Int32.max), "a split indexes ratings with Int32")
        let progress = ProgressReport.phase("splitting \(dataset.ratings.count) ratings", total: 0, unit: .count("ratings"))
        defer { progress.finish() }
        let streamSeed = RandomStreams(seed: seed).seed(for: .split)
        var firstStream = Xoshiro256StarStar(seed: streamSeed)
        let secondStream = Xoshiro256StarStar(seed: RandomStreams.derive(streamSeed, "valid"))
        var ratings = dataset.ratings
        if releasing { dataset.releaseRatings() }
        let threads = ProcessInfo.processInfo.activeProcessorCount
        var train: RatingSet
        var valid: RatingSet
        var test: RatingSet?
        if semantics.foldsHoldOutTest, config.kind == .predefined || config.kind == .kfold {
            var validStream = secondStream
            if config.kind == .predefined, let fold = dataset.predefinedFolds[config.predefinedFold] {
                let parts = HoldOut.apply(.random(fraction: config.valid), to: allIndices(fold.train), in: fold.train, using: &validStream)
                train = fold.train.subset(parts.kept)
                valid = fold.train.subset(parts.held)
                test = fold.test
            } else {
                // Validation is carved from the other folds as from their own ratings:
                // the draws depend only on how many there are.
                let folds = HoldOut.apply(
                    .fold(count: config.folds, index: config.fold), to: allIndices(ratings), in: ratings, using: &firstStream)
                let parts = HoldOut.apply(.random(fraction: config.valid), to: folds.kept, in: ratings, using: &validStream)
                let built = ratings.parts(at: [parts.kept, parts.held, folds.held], releasing: releasing, threads: threads)
                (train, valid, test) = (built[0], built[1], built[2])
            }
        } else if config.kind == .predefined, let fold = dataset.predefinedFolds[config.predefinedFold] {
            if config.test > 0 {
                let parts = HoldOut.apply(.random(fraction: config.valid), to: allIndices(fold.train), in: fold.train, using: &firstStream)
                train = fold.train.subset(parts.kept)
                valid = fold.train.subset(parts.held)
                test = fold.test
            } else {
                train = fold.train
                valid = fold.test
            }
        } else {
            var rest = allIndices(ratings)
            var validFraction = config.valid
            var validStream = firstStream
            var testIndices: [Int32]?
            if config.test > 0 {
                let testRule = rule(config, fraction: config.test, isTest: true)
                let parts = HoldOut.apply(testRule, to: rest, in: ratings, using: &firstStream)
                rest = parts.kept
                testIndices = parts.held
                validFraction = config.valid / (1 - config.test)
                validStream = secondStream
            }
            let parts = HoldOut.apply(rule(config, fraction: validFraction, isTest: false), to: rest, in: ratings, using: &validStream)
            rest = []
            let built = ratings.parts(at: [parts.kept, parts.held] + (testIndices.map { [$0] } ?? []), releasing: releasing, threads: threads)
            (train, valid) = (built[0], built[1])
            test = testIndices == nil ? nil : built[2]
        }
        if config.refit {
            train = RatingSet.merged(train, valid)
            valid = RatingSet()
        }
        var definition = definition(config, seed: seed, dataset: dataset)
        if semantics.foldsHoldOutTest, config.kind == .predefined || config.kind == .kfold {
            definition = definition.setting("folds_hold_out_test", to: .bool(true))
        }
        let fingerprint = Self.fingerprint(definition: definition, train: train, valid: valid, test: test)
        return DataSplit(train: train, valid: valid, test: test, fingerprint: fingerprint)
    }

    /// 0..<ratings.count, the indices a split starts from.
    private static func allIndices(_ ratings: RatingSet) -> [Int32] {
        Array(0..<Int32(ratings.count))
    }

    /// The hold-out rule of one stage.
    static func rule(_ config: SplitConfig, fraction: Double, isTest: Bool) -> HoldOut.Rule {
        switch config.kind {
        case .random, .predefined: return .random(fraction: fraction)
        case .kfold: return isTest ? .random(fraction: fraction) : .fold(count: config.folds, index: config.fold)
        case .perUser: return .perUser(fraction: fraction)
        case .temporal:
            if let count = config.lastN { return .lastPerUser(count: count) }
            return .latest(fraction: fraction)
        }
    }

    /// Throws the refusal `split` would give, before any work: a fraction out of range, a
    /// fold that does not exist, a test part where the fold is the test part.
    public static func validate(_ config: SplitConfig, dataset: Dataset, semantics: RunSemantics = .current) throws {
        func fail(_ reason: String) -> DataError { .invalidConfiguration("split: \(reason)") }
        if semantics.foldsHoldOutTest, config.kind == .predefined || config.kind == .kfold, config.test > 0 {
            throw fail("`test` must be 0 for kind \(config.kind.rawValue): the held-out fold is the test part, and `valid` "
                + "carves validation from the training part")
        }
        guard (0..<1).contains(config.valid) else { throw fail("`valid` must be in [0, 1), got \(config.valid)") }
        guard (0..<1).contains(config.test) else { throw fail("`test` must be in [0, 1), got \(config.test)") }
        if config.kind != .predefined, config.valid + config.test >= 1 {
            throw fail("`valid` + `test` must be below 1, got \(config.valid + config.test)")
        }
        if config.kind == .kfold {
            guard config.folds >= 2 else { throw fail("`folds` must be at least 2, got \(config.folds)") }
            guard (0..<config.folds).contains(config.fold) else {
                throw fail("`fold` must be in 0..<\(config.folds), got \(config.fold)")
            }
        }
        if config.kind == .temporal, let count = config.lastN, count < 1 {
            throw fail("`last_n` must be at least 1, got \(count)")
        }
        if config.kind == .predefined, dataset.predefinedFolds[config.predefinedFold] == nil {
            let available = dataset.predefinedFolds.keys.sorted()
            throw fail("no predefined fold `\(config.predefinedFold)` in \(dataset.name) ("
                + (available.isEmpty ? "it ships none; use kind random or kfold" : "available: \(available.joined(separator: ", "))") + ")")
        }
    }
}
