import CFData
import CFModels
import CFCore

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

/// The training ratings in the order the epochs visit them: one record per rating,
/// shuffled in place.
///
/// Fisher–Yates over the records makes the swaps it would make over an index array into
/// the ratings, so after every shuffle `records[k]` is the rating the shuffled indices
/// would name at k: results are those of shuffling indices and gathering through them.
/// A batch is then a run of neighbouring records, where a gather through indices paid a
/// miss in each of three columns per rating (12.7% of an `sgd-20m-b4` epoch).
final class TrainingOrder {
    let records: UnsafeMutableBufferPointer<RatingRecord>

    /// The ratings of `train` at `indices` (all of them in training order when nil).
    init(_ train: RatingSet, indices: [Int32]? = nil) {
        let count = indices?.count ?? train.count
        records = .allocate(capacity: count)
        HugePages.advise(bytes: UnsafeRawPointer(records.baseAddress), count: count * MemoryLayout<RatingRecord>.stride)
        for position in 0..<count {
            let index = indices.map { Int($0[position]) } ?? position
            (records.baseAddress! + position).initialize(
                to: RatingRecord(user: train.users[index], item: train.items[index], rating: train.ratings[index]))
        }
    }

    deinit { records.deallocate() }

    var count: Int { records.count }

    /// Shuffles the records in `range` with `random`'s draws.
    func shuffle(_ range: Range<Int>, with random: inout Xoshiro256StarStar) {
        random.shuffle(UnsafeMutableBufferPointer(rebasing: records[range]))
    }
}

/// One lane's contiguous batch of (user, item, rating) columns, allocated once and
/// refilled from the training order.
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

    /// Copies `records[start ..< start + count]` of the order into the columns and returns
    /// them as a batch.
    func fill(from records: UnsafeMutablePointer<RatingRecord>, start: Int, count: Int) -> RatingBatch {
        let source = records + start
        for offset in 0..<count {
            let record = source[offset]
            users[offset] = record.user
            items[offset] = record.item
            ratings[offset] = record.rating
        }
        return RatingBatch(
            users: UnsafeBufferPointer(rebasing: users[0..<count]),
            items: UnsafeBufferPointer(rebasing: items[0..<count]),
            ratings: UnsafeBufferPointer(rebasing: ratings[0..<count]))
    }
}
