import CFConfig
import CFCore
import CFText
import CFTraining

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

    var cells: [TableCell] {
        [.text(kind.rawValue), .text(dataset), .integer(trainRatings), .number(mean(MetricName.ratingsPerSecond)),
         .number(mean(MetricName.seconds)), .number(peakMegabytes), .number(reports.last?.metrics[MetricName.validRMSE])]
    }

    static let columns = [
        TableColumn("model", alignment: .left), TableColumn("data", alignment: .left),
        TableColumn("train ratings", key: "train_ratings", alignment: .right),
        TableColumn("ratings/s", key: "ratings_per_second", alignment: .right, numbers: .fixed(0)),
        TableColumn("s/epoch", key: "seconds_per_epoch", alignment: .right, numbers: .fixed(3)),
        TableColumn("peak MB", key: "peak_megabytes", alignment: .right, numbers: .fixed(1)),
        TableColumn("valid_rmse", alignment: .right, numbers: .fixed(4)),
    ]

    /// Prints the rows as a table, or as JSON Lines (one object per model).
    static func print(_ rows: [BenchRow], format: TableFormat) {
        let table = Table(columns: columns, rows: rows.map(\.cells))
        if format == .json {
            for row in table.jsonRows { Console.out(row.compact) }
        } else {
            Console.out(TableRenderer(format: format).render(table))
        }
    }
}
