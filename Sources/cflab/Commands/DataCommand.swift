import ArgumentParser
import CFConfig
import CFData
import Foundation

/// `cflab data`: look at, generate and download ratings datasets.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Inspect, generate and download ratings datasets.",
        subcommands: [Info.self, Synth.self, Fetch.self]
    )

    /// `cflab data info PATH_OR_NAME`: counts, scale, histogram, sparsity, fingerprint.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Describe a dataset: counts, rating scale and histogram, sparsity, ratings per user and item, fingerprint."
        )

        @Argument(help: "A MovieLens folder, a MovieLens name on the data search path ($CFLAB_DATA, ./data, ../shared/data; e.g. ml-100k), or `synthetic`.")
        var dataset: String

        @Option(help: "Output: table or json.")
        var format: InfoFormat = .table

        func run() throws {
            let loaded = try reportingErrors { try Self.load(dataset) }
            let summary = DatasetSummary(loaded)
            switch format {
            case .table: Console.out(summary.text.trimmingTrailingNewlines())
            case .json: Console.out(summary.json.compact)
            }
        }

        static func load(_ argument: String) throws -> Dataset {
            if argument == "synthetic" { return SyntheticData.generate(SyntheticOptions()) }
            var config = DataConfig()
            config.source = .movielens
            if FileManager.default.fileExists(atPath: argument) {
                config.path = argument
            } else {
                config.name = argument
            }
            return try DatasetLoader.load(config, relativeTo: nil)
        }
    }

    /// `cflab data synth`: writes planted-factor data in the ml-latest-small layout.
    struct Synth: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic dataset (planted low-rank factors) in the ml-latest-small layout."
        )

        @Option(help: "Output folder (created; must not hold a ratings.csv yet).")
        var out: String

        @Option(help: "Number of users.") var users: Int = 2000
        @Option(help: "Number of items.") var items: Int = 1000
        @Option(help: "Number of distinct (user, item) ratings.") var ratings: Int = 100_000
        @Option(help: "Rank of the planted factors.") var rank: Int = 8
        @Option(help: "Standard deviation of the rating noise.") var noise: Double = 0.3
        @Option(help: "Generator seed: the same seed always gives the same data.") var seed: UInt64 = 7

        func validate() throws {
            guard users > 0, items > 0, ratings > 0, rank > 0 else {
                throw ValidationError("--users, --items, --ratings and --rank must be positive")
            }
            // Ratings are distinct (user, item) pairs: never write fewer than asked in silence.
            let (pairs, overflow) = users.multipliedReportingOverflow(by: items)
            guard overflow || pairs >= ratings else {
                throw ValidationError("--ratings \(ratings) is more than the \(users) × \(items) = \(pairs) distinct (user, item) pairs; "
                    + "lower --ratings or raise --users or --items")
            }
            guard noise >= 0 else { throw ValidationError("--noise must be at least 0") }
        }

        func run() throws {
            var options = SyntheticOptions()
            options.users = users
            options.items = items
            options.ratings = ratings
            options.rank = rank
            options.noise = noise
            options.seed = seed
            let dataset = SyntheticData.generate(options)
            let ratingsFile = (out as NSString).appendingPathComponent("ratings.csv")
            if FileManager.default.fileExists(atPath: ratingsFile) {
                Console.error("error: \(ratingsFile) already exists; choose another --out")
                throw ExitCode(1)
            }
            try reportingErrors { try SyntheticData.writeMovieLensLayout(dataset, to: out) }
            Console.out("wrote \(dataset.ratings.count) ratings (\(dataset.userCount) users, \(dataset.itemCount) items) to \(out)")
            Console.out("fingerprint \(dataset.fingerprint)")
        }
    }
}

enum InfoFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
