import CFReport
import CFText
import Foundation

/// A line chart of per-epoch values as inline SVG, drawn in Swift at request time: no
/// gnuplot, no script and no download, so a page's curves work offline and update with
/// each poll. Every label is escaped.
struct CurveChart {
    /// One line: its legend label, colour, and (epoch, value) points in epoch order.
    struct Series {
        var label: String
        var colour: String
        var points: [(epoch: Int, value: Double)]
        /// An epoch to ring (the best one), if any.
        var marked: Int?
    }

    var title: String
    var yLabel: String
    var series: [Series]
    var width = 640.0
    var height = 300.0

    /// Colorbrewer's Dark2, the report's palette, for series in order.
    static let colours = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4"]
    static let margin = (left: 64.0, right: 16.0, top: 28.0, bottom: 40.0)

    /// The chart, or a short note when no series has a finite point.
    func svg() -> String {
        let points = series.flatMap(\.points).filter { $0.value.isFinite }
        guard let firstEpoch = points.map(\.epoch).min(), let lastEpoch = points.map(\.epoch).max(),
              let low = points.map(\.value).min(), let high = points.map(\.value).max()
        else { return "<p class=\"note\">\(HTMLText.escape(title)): no epoch recorded yet.</p>" }
        let xRange = Self.padded(Double(firstEpoch), Double(lastEpoch), pad: 0.5)
        let yTicks = Self.ticks(low, high)
        let yRange = (min(low, yTicks.first ?? low), max(high, yTicks.last ?? high))
        let plot = (x: Self.margin.left, y: Self.margin.top,
                    width: width - Self.margin.left - Self.margin.right, height: height - Self.margin.top - Self.margin.bottom)
        func x(_ epoch: Int) -> Double { plot.x + (Double(epoch) - xRange.0) / (xRange.1 - xRange.0) * plot.width }
        func y(_ value: Double) -> Double {
            let span = yRange.1 - yRange.0
            return plot.y + plot.height - (span > 0 ? (value - yRange.0) / span : 0.5) * plot.height
        }
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\(width > 640 ? " wide" : "")\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
                + "aria-label=\"\(HTMLText.escape(title))\">",
            "<text x=\"\(Self.f(plot.x))\" y=\"18\" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">\(HTMLText.escape(title))</text>",
            "<rect x=\"\(Self.f(plot.x))\" y=\"\(Self.f(plot.y))\" width=\"\(Self.f(plot.width))\" height=\"\(Self.f(plot.height))\" "
                + "fill=\"none\" stroke=\"#bbb\"/>",
        ]
        for tick in yTicks where tick >= yRange.0 && tick <= yRange.1 {
            parts.append("<line x1=\"\(Self.f(plot.x))\" x2=\"\(Self.f(plot.x + plot.width))\" y1=\"\(Self.f(y(tick)))\" "
                + "y2=\"\(Self.f(y(tick)))\" stroke=\"#eee\"/>")
            parts.append("<text x=\"\(Self.f(plot.x - 6))\" y=\"\(Self.f(y(tick) + 4))\" font-size=\"11\" text-anchor=\"end\" "
                + "fill=\"#555\">\(NumberStyle.significant(4).text(tick))</text>")
        }
        for epoch in Self.epochTicks(firstEpoch, lastEpoch) {
            parts.append("<text x=\"\(Self.f(x(epoch)))\" y=\"\(Self.f(plot.y + plot.height + 16))\" font-size=\"11\" "
                + "text-anchor=\"middle\" fill=\"#555\">\(epoch)</text>")
        }
        parts.append("<text x=\"\(Self.f(plot.x + plot.width / 2))\" y=\"\(Self.f(height - 6))\" font-size=\"11\" "
            + "text-anchor=\"middle\" fill=\"#555\">epoch</text>")
        parts.append("<text x=\"14\" y=\"\(Self.f(plot.y + plot.height / 2))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\" "
            + "transform=\"rotate(-90 14 \(Self.f(plot.y + plot.height / 2)))\">\(HTMLText.escape(yLabel))</text>")
        for line in series {
            let finite = line.points.filter { $0.value.isFinite }
            let colour = HTMLText.escape(line.colour)
            let path = finite.map { "\(Self.f(x($0.epoch))),\(Self.f(y($0.value)))" }.joined(separator: " ")
            parts.append("<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(path)\">"
                + "<title>\(HTMLText.escape(line.label))</title></polyline>")
            for point in finite {
                parts.append("<circle cx=\"\(Self.f(x(point.epoch)))\" cy=\"\(Self.f(y(point.value)))\" r=\"2.5\" fill=\"\(colour)\">"
                    + "<title>\(HTMLText.escape(line.label)) epoch \(point.epoch): \(point.value)</title></circle>")
            }
            if let marked = line.marked, let point = finite.first(where: { $0.epoch == marked }) {
                parts.append("<circle cx=\"\(Self.f(x(point.epoch)))\" cy=\"\(Self.f(y(point.value)))\" r=\"6\" fill=\"none\" "
                    + "stroke=\"\(colour)\" stroke-width=\"1.5\"/>")
            }
        }
        let shown = min(series.count, 12) + (series.count > 12 ? 1 : 0)
        if shown > 0 {
            parts.append("<rect x=\"\(Self.f(plot.x + plot.width - 190))\" y=\"\(Self.f(plot.y + 2))\" width=\"186\" "
                + "height=\"\(Self.f(Double(shown) * 15 + 6))\" fill=\"#fff\" fill-opacity=\"0.85\" stroke=\"#ddd\"/>")
        }
        for (index, line) in series.prefix(12).enumerated() {
            let rowY = plot.y + 14 + Double(index) * 15
            let legendX = plot.x + plot.width - 8
            parts.append("<line x1=\"\(Self.f(legendX - 178))\" x2=\"\(Self.f(legendX - 160))\" y1=\"\(Self.f(rowY - 4))\" "
                + "y2=\"\(Self.f(rowY - 4))\" stroke=\"\(HTMLText.escape(line.colour))\" stroke-width=\"2\"/>")
            parts.append("<text x=\"\(Self.f(legendX - 156))\" y=\"\(Self.f(rowY))\" font-size=\"11\" fill=\"#222\">"
                + "\(HTMLText.escape(Self.shortened(line.label, to: 28)))</text>")
        }
        if series.count > 12 {
            parts.append("<text x=\"\(Self.f(plot.x + plot.width - 186))\" y=\"\(Self.f(plot.y + 14 + 12 * 15))\" font-size=\"11\" "
                + "fill=\"#555\">and \(series.count - 12) more</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// `low…high` widened by `pad` on each side (so a single epoch is not a point).
    static func padded(_ low: Double, _ high: Double, pad: Double) -> (Double, Double) {
        (low - pad, high + pad)
    }

    /// About five round values covering `low…high` (steps of 1, 2 or 5 times a power of
    /// ten), each computed as a whole number over a power of ten, so that 0.6 is 0.6.
    static func ticks(_ low: Double, _ high: Double) -> [Double] {
        let span = high - low
        guard span > 0, span.isFinite else { return [low] }
        let raw = span / 5
        let exponent = Int(floor(log10(raw)))
        let power = pow(10, Double(exponent))
        let multiple = [1.0, 2.0, 5.0, 10.0].first { $0 * power >= raw } ?? 10
        let step = multiple * power
        func value(_ index: Double) -> Double {
            exponent < 0 ? index * multiple / pow(10, Double(-exponent)) : index * step
        }
        let first = (low / step).rounded(.down)
        var values: [Double] = []
        var index = first
        while value(index) <= high + step * 0.999, values.count < 20 {
            values.append(value(index))
            index += 1
        }
        return values
    }

    /// At most ten whole epochs to label, evenly spaced.
    static func epochTicks(_ first: Int, _ last: Int) -> [Int] {
        let every = max(1, Int((Double(last - first + 1) / 10).rounded(.up)))
        return Array(stride(from: first, through: last, by: every))
    }

    /// `text` cut to `count` characters with an ellipsis.
    static func shortened(_ text: String, to count: Int) -> String {
        text.count <= count ? text : String(text.prefix(count - 1)) + "…"
    }

    /// A coordinate with one decimal.
    static func f(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
