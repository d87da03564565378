/// A two-way map between raw ids (as written in the file) and dense ids 0..<count.
///
/// Dense ids follow the sorted order of the raw ids (numeric when every id is an
/// integer, otherwise by UTF-8 bytes), so reordering a file never changes them.
public struct IdMap: Equatable, Sendable {
    /// Raw id of each dense id.
    public let rawIds: [String]
    private let denseIds: [String: Int32]

    /// Builds the map from any collection of raw ids; duplicates are ignored.
    public init<S: Sequence>(rawIds ids: S) where S.Element == String {
        let unique = Array(Set(ids))
        let sorted: [String]
        if unique.allSatisfy({ Int64($0) != nil }) {
            sorted = unique.sorted { Int64($0)! < Int64($1)! }
        } else {
            sorted = unique.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
        rawIds = sorted
        var lookup = [String: Int32](minimumCapacity: sorted.count)
        for (index, id) in sorted.enumerated() { lookup[id] = Int32(index) }
        denseIds = lookup
    }

    public var count: Int { rawIds.count }

    /// The dense id of a raw id, or nil when the id is unknown.
    public func dense(_ raw: String) -> Int32? { denseIds[raw] }

    /// The raw id of a dense id.
    public func raw(_ dense: Int32) -> String { rawIds[Int(dense)] }
}
