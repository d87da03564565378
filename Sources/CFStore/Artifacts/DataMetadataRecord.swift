import CFCore
import CFData
import Foundation
import GRDB

/// One row of `data_metadata`: text columns as JSON arrays, numeric ones as packed
/// little-endian BLOBs (Int32 counts, Float32 means).
struct DataMetadataRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "data_metadata"

    var splitFingerprint: String
    var dataFingerprint: String
    var createdAt: String
    var userIds: String
    var itemIds: String
    var itemTitles: String
    var itemGenres: String
    var userCounts: Data
    var userMeans: Data
    var itemCounts: Data
    var itemMeans: Data
    var ratingMin: Double
    var ratingMax: Double
    var globalMean: Double
    var trainCount: Int

    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    init(_ metadata: DataMetadata, createdAt: String) {
        func strings(_ values: [String]) -> String { JSONValue.array(values.map(JSONValue.string)).canonical }
        splitFingerprint = metadata.splitFingerprint
        dataFingerprint = metadata.dataFingerprint
        self.createdAt = createdAt
        userIds = strings(metadata.users.rawIds)
        itemIds = strings(metadata.items.rawIds)
        itemTitles = strings(metadata.itemInfo.map(\.title))
        itemGenres = JSONValue.array(metadata.itemInfo.map { .array($0.genres.map(JSONValue.string)) }).canonical
        userCounts = FloatBlob.encode(metadata.userCounts)
        userMeans = FloatBlob.encode(metadata.userMeans)
        itemCounts = FloatBlob.encode(metadata.itemCounts)
        itemMeans = FloatBlob.encode(metadata.itemMeans)
        ratingMin = Double(metadata.ratingMin)
        ratingMax = Double(metadata.ratingMax)
        globalMean = Double(metadata.globalMean)
        trainCount = metadata.trainCount
    }

    /// The metadata, checking that every column has one entry per user or item.
    func metadata() throws -> DataMetadata {
        func fail(_ reason: String) -> StoreError {
            .corruptRecord(path: "data_metadata", reason: "split \(splitFingerprint.prefix(12)): \(reason)")
        }
        func strings(_ text: String, _ column: String) throws -> [String] {
            guard let items = (try? JSONValue.parse(text))?.arrayValue else { throw fail("\(column) is not a JSON array") }
            return items.map { $0.stringValue ?? $0.canonical }
        }
        let users = IdMap(rawIds: try strings(userIds, "user_ids"))
        let items = IdMap(rawIds: try strings(itemIds, "item_ids"))
        guard users.rawIds == (try strings(userIds, "user_ids")), items.rawIds == (try strings(itemIds, "item_ids")) else {
            throw fail("raw ids are not in dense-id order")
        }
        let titles = try strings(itemTitles, "item_titles")
        let genres = (try? JSONValue.parse(itemGenres))?.arrayValue?.map { $0.arrayValue?.compactMap(\.stringValue) ?? [] } ?? []
        guard let userCounts = FloatBlob.decodeInt32s(userCounts), let itemCounts = FloatBlob.decodeInt32s(itemCounts),
              let userMeans = FloatBlob.decodeFloats(userMeans), let itemMeans = FloatBlob.decodeFloats(itemMeans),
              titles.count == items.count, genres.count == items.count,
              userCounts.count == users.count, userMeans.count == users.count,
              itemCounts.count == items.count, itemMeans.count == items.count
        else { throw fail("column lengths do not match \(users.count) users and \(items.count) items") }
        return DataMetadata(
            dataFingerprint: dataFingerprint, splitFingerprint: splitFingerprint, users: users, items: items,
            itemInfo: zip(titles, genres).map { ItemInfo(title: $0, genres: $1) },
            userCounts: userCounts, userMeans: userMeans, itemCounts: itemCounts, itemMeans: itemMeans,
            ratingMin: Float(ratingMin), ratingMax: Float(ratingMax), globalMean: Float(globalMean), trainCount: trainCount
        )
    }
}
