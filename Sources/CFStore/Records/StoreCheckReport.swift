/// What `RunStore.check()` found: SQLite's integrity check, and every row checksum.
public struct StoreCheckReport: Equatable, Sendable {
    /// One thing wrong with the store.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// `epochs` or `parameters` for a checksum that does not match; nil for a line of
        /// `PRAGMA integrity_check`.
        public var table: String?
        /// The run the damaged row belongs to.
        public var runId: Int64?
        /// The epoch of a damaged `epochs` row.
        public var epoch: Int?
        /// The tensor of a damaged `parameters` row, as `which/name` (`best/item_embedding`).
        public var name: String?
        public var message: String

        public init(table: String? = nil, runId: Int64? = nil, epoch: Int? = nil, name: String? = nil, message: String) {
            self.table = table
            self.runId = runId
            self.epoch = epoch
            self.name = name
            self.message = message
        }

        /// One line: where, then what (`epochs: run 3 epoch 2: checksum mismatch`).
        public var description: String {
            var place: [String] = []
            if let runId { place.append("run \(runId)") }
            if let epoch { place.append("epoch \(epoch)") }
            if let name { place.append("tensor \(name)") }
            let prefix = [table ?? "integrity_check", place.joined(separator: " ")].filter { !$0.isEmpty }
            return prefix.joined(separator: ": ") + ": " + message
        }
    }

    /// Everything found wrong, integrity lines first; empty for a healthy store.
    public var problems: [Problem]
    /// Epochs whose checksum was verified (matching or not).
    public var checkedEpochs: Int
    /// Kept tensors whose checksum was verified (matching or not).
    public var checkedParameters: Int
    /// Epochs with no checksum (written before `v4-checksums`): neither verified nor damage.
    public var uncheckedEpochs: Int
    /// Kept tensors with no checksum (written before `v4-checksums`).
    public var uncheckedParameters: Int

    public init(
        problems: [Problem] = [], checkedEpochs: Int = 0, checkedParameters: Int = 0,
        uncheckedEpochs: Int = 0, uncheckedParameters: Int = 0
    ) {
        self.problems = problems
        self.checkedEpochs = checkedEpochs
        self.checkedParameters = checkedParameters
        self.uncheckedEpochs = uncheckedEpochs
        self.uncheckedParameters = uncheckedParameters
    }

    /// Whether nothing was found wrong.
    public var isHealthy: Bool { problems.isEmpty }
}
