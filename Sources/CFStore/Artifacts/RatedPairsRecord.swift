import Foundation
import GRDB

/// One row of `rated_pairs`: a split's `RatedPairs` as packed little-endian BLOBs
/// (Int32 per-user counts and item ids, Float32 ratings), one set per part.
struct RatedPairsRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "rated_pairs"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var splitFingerprint: String
    var trainingCounts: Data
    var trainingItems: Data
    var trainingRatings: Data
    var heldOutCounts: Data
    var heldOutItems: Data
    var heldOutRatings: Data

    init(_ pairs: RatedPairs, splitFingerprint: String) {
        self.splitFingerprint = splitFingerprint
        trainingCounts = FloatBlob.encode(pairs.training.counts)
        trainingItems = FloatBlob.encode(pairs.training.items)
        trainingRatings = FloatBlob.encode(pairs.training.ratings)
        heldOutCounts = FloatBlob.encode(pairs.heldOut.counts)
        heldOutItems = FloatBlob.encode(pairs.heldOut.items)
        heldOutRatings = FloatBlob.encode(pairs.heldOut.ratings)
    }

    /// The pairs, checking that they fit `userCount` users and `itemCount` items.
    func pairs(userCount: Int, itemCount: Int) throws -> RatedPairs {
        func rows(_ counts: Data, _ items: Data, _ ratings: Data, _ part: String) throws -> UserRatings {
            guard let counts = FloatBlob.decodeInt32s(counts), counts.count == userCount,
                  let items = FloatBlob.decodeInt32s(items), items.allSatisfy({ $0 >= 0 && Int($0) < itemCount }),
                  let ratings = FloatBlob.decodeFloats(ratings),
                  let rows = UserRatings(counts: counts, items: items, ratings: ratings)
            else {
                throw StoreError.corruptRecord(
                    path: "rated_pairs", reason: "split \(splitFingerprint.prefix(12)): \(part) pairs do not fit \(userCount) users and \(itemCount) items"
                )
            }
            return rows
        }
        return RatedPairs(
            training: try rows(trainingCounts, trainingItems, trainingRatings, "training"),
            heldOut: try rows(heldOutCounts, heldOutItems, heldOutRatings, "held-out")
        )
    }
}
