import CFTraining
import Foundation

/// The aligned per-epoch lines `cflab run` prints, and their header.
struct EpochTable {
    struct Column: Sendable {
        let title: String
        let metric: String
        let width: Int
        let format: @Sendable (Double) -> String
    }

    static let columns: [Column] = [
        Column(title: "train_loss", metric: MetricName.trainLoss, width: 10, format: { fixed($0, 4) }),
        Column(title: "train_rmse", metric: MetricName.trainRMSE, width: 10, format: { fixed($0, 4) }),
        Column(title: "valid_rmse", metric: MetricName.validRMSE, width: 10, format: { fixed($0, 4) }),
        Column(title: "valid_mae", metric: MetricName.validMAE, width: 9, format: { fixed($0, 4) }),
        Column(title: "lr", metric: MetricName.learningRate, width: 9, format: { String(format: "%.2e", $0) }),
        Column(title: "seconds", metric: MetricName.seconds, width: 7, format: { fixed($0, 2) }),
        Column(title: "ratings/s", metric: MetricName.ratingsPerSecond, width: 10, format: { String(format: "%.0f", $0) }),
        Column(title: "cold", metric: MetricName.coldStart, width: 5, format: { String(format: "%.0f", $0) }),
    ]

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    static var header: String {
        ([pad("epoch", 5)] + columns.map { pad($0.title, $0.width) }).joined(separator: "  ")
    }

    static func line(_ report: EpochReport, marked: Bool = false) -> String {
        let cells = columns.map { column -> String in
            pad(report.metrics[column.metric].map(column.format) ?? "-", column.width)
        }
        return ([pad(String(report.epoch), 5)] + cells).joined(separator: "  ") + (marked ? "  *" : "")
    }
}
