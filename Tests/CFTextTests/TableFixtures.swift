import CFText

/// Small tables every format test renders.
enum TableFixtures {
    /// Text, integers, fixed-decimal and undecorated numbers, a missing value.
    static var mixed: Table {
        Table(
            title: "Two runs",
            columns: [
                TableColumn("id"), TableColumn("optimizer.lr", key: "lr"), TableColumn("model", alignment: .left),
                TableColumn("valid RMSE", key: "valid_rmse", numbers: .fixed(4)),
            ],
            rows: [
                [.integer(7), .number(0.0031622776601683794, style: nil), .text("dot_bias"), .number(0.86051234)],
                [.integer(12), .number(0.1, style: nil), .text("nn"), .missing],
            ],
            bestRow: 0, isRanked: true, remarks: ["Best: run 7."]
        )
    }

    /// Mean ± std cells, one without a deviation.
    static var summaries: Table {
        Table(
            columns: [TableColumn("kind", alignment: .left), TableColumn("rmse", numbers: .fixed(4))],
            rows: [[.text("dot"), .summary(mean: 0.92, deviation: 0.010000000000000009)], [.text("biases"), .summary(mean: 0.97, deviation: nil)]]
        )
    }

    /// One text column holding `value`.
    static func text(_ value: String, title: String = "name") -> Table {
        Table(title: nil, columns: [TableColumn(title, alignment: .left)], rows: [[.text(value)]])
    }
}
