import CFCore

/// The colours of one report page, assigned once so that every chart of the page agrees:
/// a model kind (or a value of the overlay's colour key) has the same colour wherever it
/// is drawn.
///
/// Values take the colours of `colours` in sorted order (numbers by value, text by its
/// characters), so the same store always gives the same colours. Series that are no
/// model kind or setting (train against valid, the learning rate, the item biases) are
/// drawn in the greys of `ink`, which no value is given.
struct ChartPalette: Sendable {
    /// Colorbrewer's Dark2: eight colours that stay apart on white and in print.
    static let colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4"]
    /// Dark grey for the main series of a chart without kinds, mid grey for the second.
    static let ink = (main: "#333333", second: "#8c8c8c")
    /// Configurations drawn for context only (the overlay's others).
    static let muted = "#c8c8c8"

    /// The colour of each value of each key: `assignments[key][value]`.
    let assignments: [String: [String: String]]

    /// Colours for the model kinds of `runs` and for the values each of `keys` takes.
    init(runs: [ComparedRun], keys: [String]) {
        var assignments: [String: [String: String]] = [:]
        for key in Set(keys + ["model.kind"]) {
            let values = Set(runs.map { Self.value(of: key, in: $0) })
            let sorted = values.sorted { left, right in
                if let a = Double(left), let b = Double(right), a != b { return a < b }
                return left < right
            }
            assignments[key] = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Self.colours[$0 % Self.colours.count]) })
        }
        self.assignments = assignments
    }

    /// The display value of `key` in `run`, as the palette and the overlay's legend use it.
    static func value(of key: String, in run: ComparedRun) -> String {
        key == "model.kind" ? run.modelKind : ConfigParameters.display(run.parameters[key])
    }

    /// The colour of `value` of `key`; the first colour for a value the page does not have.
    func colour(_ key: String, _ value: String) -> String {
        assignments[key]?[value] ?? Self.colours[0]
    }

    /// The colour of a model kind.
    func colour(kind: String) -> String {
        colour("model.kind", kind)
    }
}
