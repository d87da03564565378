import CFConfig
import CFCore
import CFTraining
import Foundation

/// One measured model of `cflab bench`: throughput, epoch time and peak memory.
struct BenchRow {
    let kind: ModelConfig.Kind
    let dataset: String
    let trainRatings: Int
    let reports: [EpochReport]
    let peakMegabytes: Double

    /// Mean over epochs after the first (which pays for warm-up), or the only one.
    func mean(_ metric: String) -> Double {
        let measured = reports.count > 1 ? Array(reports.dropFirst()) : reports
        let values = measured.compactMap { $0.metrics[metric] }
        return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    var cells: [String] {
        [kind.rawValue, dataset, String(trainRatings), String(format: "%.0f", mean(MetricName.ratingsPerSecond)),
         String(format: "%.3f", mean(MetricName.seconds)), String(format: "%.1f", peakMegabytes),
         String(format: "%.4f", reports.last?.metrics[MetricName.validRMSE] ?? .nan)]
    }

    static let titles = ["model", "data", "train ratings", "ratings/s", "s/epoch", "peak MB", "valid_rmse"]

    static func print(_ rows: [BenchRow], format: BenchFormat) {
        switch format {
        case .json:
            for row in rows {
                Console.out(JSONValue.object([
                    ("model", .string(row.kind.rawValue)), ("data", .string(row.dataset)),
                    ("train_ratings", .int(Int64(row.trainRatings))),
                    ("ratings_per_second", .double(row.mean(MetricName.ratingsPerSecond))),
                    ("seconds_per_epoch", .double(row.mean(MetricName.seconds))),
                    ("peak_megabytes", .double(row.peakMegabytes)),
                    ("valid_rmse", .double(row.reports.last?.metrics[MetricName.validRMSE] ?? .nan)),
                ]).compact)
            }
        case .markdown, .table:
            var table = TextTable(headers: titles)
            for row in rows { table.append(row.cells) }
            Console.out(table.render(format == .markdown ? .markdown : .table))
        }
    }
}
