import CFConfig
import CFCore
import Foundation

/// Planted low-rank ratings with power-law popularity: data whose answer is known.
///
/// Each rating is r = μ + b_u + b_i + p_u·q_i + ε, rounded to the nearest half star and
/// clipped to [0.5, 5.0], with μ = 3.5, b_u ~ N(0, 0.35²), b_i ~ N(0, 0.45²), the entries
/// of p_u and q_i ~ N(0, 0.9/√rank) so that p_u·q_i has standard deviation about 0.9,
/// and ε ~ N(0, noise²). Users and items are drawn from Zipf-like weights 1/(k+1)^0.8 over
/// a random popularity order, after a first pass that gives every user and every item
/// one rating. The result is a function of the options alone (each part draws from its
/// own stream derived from `seed`).
public enum SyntheticData {
    static let globalMean = 3.5
    static let userBiasDeviation = 0.35
    static let itemBiasDeviation = 0.45
    static let zipfExponent = 0.8
    static let genreNames = ["Quasar", "Noir-Pop", "Steamfolk", "Hyperdrama", "Cozy Horror", "Retro-Sci", "Mockumentary", "Space Western"]

    /// Generates the dataset: source and name "synthetic", raw ids 1...users and 1...items.
    public static func generate(_ options: SyntheticOptions) -> Dataset {
        let userCount = max(1, options.users)
        let itemCount = max(1, options.items)
        let rank = max(1, options.rank)
        func stream(_ label: String) -> Xoshiro256StarStar {
            Xoshiro256StarStar(seed: RandomStreams.derive(options.seed, "synthetic", label))
        }
        let factorDeviation = (0.9 / Double(rank).squareRoot()).squareRoot()
        var factorStream = stream("factors")
        let userFactors = (0..<userCount * rank).map { _ in factorStream.nextGaussian() * factorDeviation }
        let itemFactors = (0..<itemCount * rank).map { _ in factorStream.nextGaussian() * factorDeviation }
        var biasStream = stream("biases")
        let userBiases = (0..<userCount).map { _ in biasStream.nextGaussian() * userBiasDeviation }
        let itemBiases = (0..<itemCount).map { _ in biasStream.nextGaussian() * itemBiasDeviation }

        var pairStream = stream("pairs")
        let pairs = SyntheticPairs.draw(
            users: userCount, items: itemCount, count: max(0, options.ratings), exponent: zipfExponent, using: &pairStream)

        var noiseStream = stream("noise")
        var timeStream = stream("time")
        var ratings = RatingSet()
        ratings.reserveCapacity(pairs.count)
        for pair in pairs {
            let user = Int(pair >> 32)
            let item = Int(pair & 0xffff_ffff)
            var dot = 0.0
            for factor in 0..<rank { dot += userFactors[user * rank + factor] * itemFactors[item * rank + factor] }
            let value = globalMean + userBiases[user] + itemBiases[item] + dot + noiseStream.nextGaussian() * options.noise
            let halfStars = min(10, max(1, (value * 2).rounded()))
            let timestamp = 1_000_000_000 + Int64(timeStream.nextInt(below: 600_000_000))
            ratings.append(user: Int32(user), item: Int32(item), rating: Float(halfStars / 2), timestamp: timestamp)
        }

        var titleStream = stream("titles")
        let itemInfo = (0..<itemCount).map { item in
            let year = 1930 + titleStream.nextInt(below: 90)
            return ItemInfo(title: "Synthetic item \(item + 1) (\(year))", genres: genres(of: item, rank: rank, factors: itemFactors))
        }
        let users = IdMap(sortedRawIds: (1...userCount).map { String($0) })
        let items = IdMap(sortedRawIds: (1...itemCount).map { String($0) })
        var dataset = Dataset(
            name: "synthetic", source: "synthetic", path: nil, ratings: ratings, users: users, items: items,
            itemInfo: itemInfo, fingerprint: Fingerprint.of(ratings, users: users, items: items))
        dataset.notes = [RatingScale.observedNote(dataset.ratingScale)]
        return dataset
    }

    /// One or two genres named after the item's largest planted factors, so genres carry signal.
    static func genres(of item: Int, rank: Int, factors: [Double]) -> [String] {
        let weights = (0..<rank).map { factors[item * rank + $0] }
        let ordered = weights.indices.sorted { weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }
        var names = [genreNames[ordered[0] % genreNames.count]]
        if ordered.count > 1, weights[ordered[1]] > 0 {
            let second = genreNames[ordered[1] % genreNames.count]
            if second != names[0] { names.append(second) }
        }
        return names
    }
}
