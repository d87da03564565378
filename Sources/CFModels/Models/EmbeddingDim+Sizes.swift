import Foundation
import CFConfig

extension EmbeddingDim {
    /// fastai's `emb_sz_rule`: min(600, round(1.6·n^0.56)) for n categories, rounded
    /// half to even as Python's `round` does.
    public static func heuristicSize(count: Int) -> Int {
        let size = (1.6 * Foundation.pow(Double(count), 0.56)).rounded(.toNearestOrEven)
        return min(600, max(1, Int(size)))
    }

    /// The user and item widths for `userCount` users and `itemCount` items.
    public func sizes(userCount: Int, itemCount: Int) throws -> (user: Int, item: Int) {
        let sizes: (user: Int, item: Int)
        switch self {
        case let .fixed(size): sizes = (size, size)
        case .auto: sizes = (Self.heuristicSize(count: userCount), Self.heuristicSize(count: itemCount))
        case let .perSide(user, item): sizes = (user, item)
        }
        guard sizes.user > 0, sizes.item > 0 else {
            throw ModelError.invalidEmbeddingDimensions("widths must be positive, got user \(sizes.user), item \(sizes.item)")
        }
        return sizes
    }
}
