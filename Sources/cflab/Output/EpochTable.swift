import CFText
import CFTraining

/// The per-epoch table: the lines `cflab run` prints one at a time, and the epochs of
/// `cflab show` (the best one marked `*`).
enum EpochTable {
    /// The metric of each column after `epoch`, with its title, width and decimals.
    static let metrics: [(metric: String, column: TableColumn)] = [
        (MetricName.trainLoss, column("train_loss", width: 10, .fixed(4))),
        (MetricName.trainRMSE, column("train_rmse", width: 10, .fixed(4))),
        (MetricName.validRMSE, column("valid_rmse", width: 10, .fixed(4))),
        (MetricName.validMAE, column("valid_mae", width: 9, .fixed(4))),
        (MetricName.learningRate, column("lr", width: 9, .scientific(2))),
        (MetricName.seconds, column("seconds", width: 7, .fixed(2))),
        (MetricName.ratingsPerSecond, column("ratings/s", width: 10, .fixed(0))),
        (MetricName.coldStart, column("cold", width: 5, .fixed(0))),
    ]

    private static func column(_ title: String, width: Int, _ numbers: NumberStyle) -> TableColumn {
        TableColumn(title, alignment: .right, numbers: numbers, width: width)
    }

    /// The columns `cflab run` streams: the epoch, then the metrics.
    static let streamed = Table(columns: [column("epoch", width: 5, .fixed(0))] + metrics.map(\.column))

    static var header: String {
        TableRenderer(format: .aligned).streamedHeader(streamed)
    }

    static func line(_ report: EpochReport) -> String {
        TableRenderer(format: .aligned).streamedLine(cells(report), of: streamed)
    }

    /// Every epoch, a last column marking `best` with `*`.
    static func table(_ reports: [EpochReport], best: Int?) -> Table {
        var table = streamed
        table.columns.append(TableColumn("", alignment: .left))
        for report in reports { table.append(cells(report) + [.text(report.epoch == best ? "*" : "")]) }
        return table
    }

    private static func cells(_ report: EpochReport) -> [TableCell] {
        [.integer(report.epoch)] + metrics.map { .number(report.metrics[$0.metric]) }
    }
}
