import CFData
import CFModels
import CPrefetch

/// The steps of one epoch, whatever runs them: `EpochRunner` (one block, on the calling
/// thread) or `BlockEpochRunner` (DSGD blocks at once).
public protocol EpochRunning: AnyObject {
    /// Steps in one epoch.
    var stepsPerEpoch: Int { get }
    /// Called with (steps done, steps per epoch) as the epoch goes, for progress bars,
    /// on the thread that called `runEpoch`. It must not touch the model; it never
    /// changes results.
    var onProgress: ((Int, Int) -> Void)? { get set }
    /// Runs one epoch of steps.
    func runEpoch() -> EpochRunner.Outcome
}

/// One lane's contiguous batch of (user, item, rating), allocated once and refilled by
/// `gather` from the training set in a shuffled order.
final class BatchBuffers {
    private let users: UnsafeMutableBufferPointer<Int32>
    private let items: UnsafeMutableBufferPointer<Int32>
    private let ratings: UnsafeMutableBufferPointer<Float>

    init(capacity: Int) {
        users = .allocate(capacity: capacity)
        items = .allocate(capacity: capacity)
        ratings = .allocate(capacity: capacity)
        users.initialize(repeating: 0)
        items.initialize(repeating: 0)
        ratings.initialize(repeating: 0)
    }

    deinit {
        users.deallocate()
        items.deallocate()
        ratings.deallocate()
    }

    /// How many ratings ahead `gather` prefetches: the order is shuffled, so each rating
    /// is a miss in three arrays otherwise.
    static let lookahead = 16

    /// Copies the ratings at `order[start ..< start + count]` of `train` into the buffers
    /// and returns them as a batch.
    func gather(_ order: UnsafeBufferPointer<Int32>, from start: Int, count: Int, of train: RatingSet) -> RatingBatch {
        let (batchUsers, batchItems, batchRatings) = (users, items, ratings)
        train.users.withUnsafeBufferPointer { users in
            train.items.withUnsafeBufferPointer { items in
                train.ratings.withUnsafeBufferPointer { ratings in
                    guard let userBase = users.baseAddress, let itemBase = items.baseAddress,
                          let ratingBase = ratings.baseAddress else { return }
                    let end = order.count
                    for offset in 0..<count {
                        let ahead = start + offset + Self.lookahead
                        if ahead < end {
                            let next = Int(order[ahead])
                            cf_prefetch(UnsafeRawPointer(userBase + next))
                            cf_prefetch(UnsafeRawPointer(itemBase + next))
                            cf_prefetch(UnsafeRawPointer(ratingBase + next))
                        }
                        let index = Int(order[start + offset])
                        batchUsers[offset] = users[index]
                        batchItems[offset] = items[index]
                        batchRatings[offset] = ratings[index]
                    }
                }
            }
        }
        return RatingBatch(
            users: UnsafeBufferPointer(rebasing: batchUsers[0..<count]),
            items: UnsafeBufferPointer(rebasing: batchItems[0..<count]),
            ratings: UnsafeBufferPointer(rebasing: batchRatings[0..<count]))
    }
}
