import CFConfig
import CFCore

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
/// So under semantics 3 no split lets the test part choose the best epoch, stop early
/// or rank a comparison.
public enum Splitter {
    public static func split(_ dataset: Dataset, config: SplitConfig, seed: UInt64, semantics: RunSemantics = .current) throws -> DataSplit {
        try validate(config, dataset: dataset, semantics: semantics)
        let progress = ProgressReport.phase("splitting \(dataset.ratings.count) ratings", total: 0, unit: .count("ratings"))
        defer { progress.finish() }
        let streamSeed = RandomStreams(seed: seed).seed(for: .split)
        var firstStream = Xoshiro256StarStar(seed: streamSeed)
        let secondStream = Xoshiro256StarStar(seed: RandomStreams.derive(streamSeed, "valid"))
        let ratings = dataset.ratings
        let train: RatingSet
        let valid: RatingSet
        var test: RatingSet?
        if semantics.foldsHoldOutTest, config.kind == .predefined || config.kind == .kfold {
            var validStream = secondStream
            let (base, held): (RatingSet, RatingSet)
            if config.kind == .predefined, let fold = dataset.predefinedFolds[config.predefinedFold] {
                (base, held) = (fold.train, fold.test)
            } else {
                let parts = HoldOut.apply(.fold(count: config.folds, index: config.fold), to: Array(0..<ratings.count), in: ratings, using: &firstStream)
                (base, held) = (ratings.subset(parts.kept), ratings.subset(parts.held))
            }
            let parts = HoldOut.apply(.random(fraction: config.valid), to: Array(0..<base.count), in: base, using: &validStream)
            train = base.subset(parts.kept)
            valid = base.subset(parts.held)
            test = held
        } else if config.kind == .predefined, let fold = dataset.predefinedFolds[config.predefinedFold] {
            if config.test > 0 {
                let all = Array(0..<fold.train.count)
                let parts = HoldOut.apply(.random(fraction: config.valid), to: all, in: fold.train, using: &firstStream)
                train = fold.train.subset(parts.kept)
                valid = fold.train.subset(parts.held)
                test = fold.test
            } else {
                train = fold.train
                valid = fold.test
            }
        } else {
            var rest = Array(0..<ratings.count)
            var validFraction = config.valid
            var validStream = firstStream
            if config.test > 0 {
                let testRule = rule(config, fraction: config.test, isTest: true)
                let parts = HoldOut.apply(testRule, to: rest, in: ratings, using: &firstStream)
                rest = parts.kept
                test = ratings.subset(parts.held)
                validFraction = config.valid / (1 - config.test)
                validStream = secondStream
            }
            let parts = HoldOut.apply(rule(config, fraction: validFraction, isTest: false), to: rest, in: ratings, using: &validStream)
            train = ratings.subset(parts.kept)
            valid = ratings.subset(parts.held)
        }
        var definition = definition(config, seed: seed, dataset: dataset)
        if semantics.foldsHoldOutTest, config.kind == .predefined || config.kind == .kfold {
            definition = definition.setting("folds_hold_out_test", to: .bool(true))
        }
        let fingerprint = Self.fingerprint(definition: definition, train: train, valid: valid, test: test)
        return DataSplit(train: train, valid: valid, test: test, fingerprint: fingerprint)
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

    static func validate(_ config: SplitConfig, dataset: Dataset, semantics: RunSemantics = .current) throws {
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
