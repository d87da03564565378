/// One chart: a gnuplot script and its data, written as `<name>.gp` and `<name>.dat`.
///
/// The script finds its data and writes `<name>.png` (pngcairo) and `<name>.svg` next to
/// itself, through `ARG0`, so `gnuplot plots/x/curves.gp` redraws it from any folder.
public struct Chart: Equatable, Sendable {
    /// File stem, for example `curves` or `sensitivity-model.embedding_dim`.
    public let name: String
    /// One sentence under the chart in index.html.
    public let caption: String
    public let script: String
    public let data: String

    /// Builds the script: preamble, then `body` drawn once per terminal.
    ///
    /// `body` may use `data`, the path of the `.dat` file, and must contain only
    /// generated text and `GnuplotText.literal` strings.
    init(name: String, caption: String, body: [String], data: String, width: Int = 900, height: Int = 560) {
        self.name = name
        self.caption = caption
        self.data = data
        var lines = [
            "# \(GnuplotText.literal(caption).dropFirst().dropLast())",
            "# Written by cflab report; redraw with: gnuplot \(name).gp (from any folder).",
            "here = ARG0[1:strlen(ARG0) - \(name.utf8.count + 3)]",
            "data = here.'\(name).dat'",
            "set encoding utf8",
        ]
        let terminals = [
            ("pngcairo", "png", "font 'sans,10'"),
            ("svg", "svg", "font 'sans,10' dynamic"),
        ]
        for (terminal, suffix, options) in terminals {
            lines.append("set terminal \(terminal) noenhanced size \(width),\(height) \(options)")
            lines.append("set output here.'\(name).\(suffix)'")
            lines += body
            lines.append("unset output")
            lines.append("reset")
        }
        script = lines.joined(separator: "\n") + "\n"
    }
}
