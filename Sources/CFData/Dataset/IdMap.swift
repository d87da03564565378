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
        let numeric = unique.compactMap { id in Int64(id).map { (value: $0, id: id) } }
        let sorted: [String]
        if numeric.count == unique.count {
            sorted = numeric.sorted { $0.value < $1.value }.map(\.id)
        } else {
            sorted = unique.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
        self.init(sortedRawIds: sorted)
    }

    /// Builds the map from raw ids already unique and in dense order (the loaders' fast path).
    init(sortedRawIds sorted: [String]) {
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
