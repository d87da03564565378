/// Greedy placement of point labels inside a plot, in pixels from its lower-left corner.
///
/// Labels are taken in the order given (the most important first); each goes to the first
/// of four spots (right of its point, left, above, below) whose box lies inside the plot
/// and clear of every box placed before, of the other labelled points and of `reserved`
/// areas (the legend). A label with no free spot is left out; its point stays drawn.
/// Text widths are estimated from the character count, generously.
struct LabelPlacement: Sendable {
    /// A rectangle in pixels.
    struct Box: Equatable, Sendable {
        var left, bottom, right, top: Double

        func overlaps(_ other: Box) -> Bool {
            left < other.right && other.left < right && bottom < other.top && other.bottom < top
        }

        func isInside(width: Double, height: Double) -> Bool {
            left >= 0 && bottom >= 0 && right <= width && top <= height
        }
    }

    /// Where a label's text is anchored relative to its anchor point.
    enum Alignment: String, CaseIterable, Sendable {
        case left, right, center
    }

    /// One label put on the plot: the anchor (pixels) its text is aligned to, and its box.
    struct Placed: Equatable, Sendable {
        let index: Int
        let x, y: Double
        let alignment: Alignment
        let box: Box
    }

    /// The plot's size in pixels.
    let width, height: Double
    /// Pixels per character and per line of the label font, and the gap to the point.
    var characterWidth = 5.8, lineHeight = 12.0, gap = 6.0
    /// Areas no label may cover.
    var reserved: [Box] = []

    /// The labels of `points` (pixels) with `texts`, placed greedily in order.
    func place(points: [(x: Double, y: Double)], texts: [String]) -> [Placed] {
        let markers = points.map { Box(left: $0.x - 3, bottom: $0.y - 3, right: $0.x + 3, top: $0.y + 3) }
        var placed: [Placed] = []
        for (index, point) in points.enumerated() where index < texts.count {
            let textWidth = Double(texts[index].count) * characterWidth, half = lineHeight / 2
            let spots: [(Double, Double, Alignment, Box)] = [
                (point.x + gap, point.y, .left, Box(left: point.x + gap, bottom: point.y - half, right: point.x + gap + textWidth, top: point.y + half)),
                (point.x - gap, point.y, .right, Box(left: point.x - gap - textWidth, bottom: point.y - half, right: point.x - gap, top: point.y + half)),
                (point.x, point.y + gap + half, .center, Box(left: point.x - textWidth / 2, bottom: point.y + gap, right: point.x + textWidth / 2, top: point.y + gap + lineHeight)),
                (point.x, point.y - gap - half, .center, Box(left: point.x - textWidth / 2, bottom: point.y - gap - lineHeight, right: point.x + textWidth / 2, top: point.y - gap)),
            ]
            let obstacles = placed.map(\.box) + reserved + markers.enumerated().filter { $0.offset != index }.map(\.element)
            if let spot = spots.first(where: { spot in
                spot.3.isInside(width: width, height: height) && !obstacles.contains { $0.overlaps(spot.3) }
            }) {
                placed.append(Placed(index: index, x: spot.0, y: spot.1, alignment: spot.2, box: spot.3))
            }
        }
        return placed
    }
}
