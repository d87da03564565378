import CFCore
import GRDB

extension RunStore {
    /// Stores a run's kept tensors as `which`, replacing any set stored under that name.
    ///
    /// Throws `runReclaimed`, writing nothing, when the run is no longer this writer's.
    public func saveParameters(runId: Int64, which: ParameterSet, tensors: [ParameterTensor]) throws {
        for tensor in tensors where tensor.values.count != tensor.shape.reduce(1, *) {
            throw StoreError.invalidArgument("tensor \(tensor.name): \(tensor.values.count) values for shape \(tensor.shape)")
        }
        try write { db in
            try requireOwnedRunning(runId, in: db)
            try db.execute(sql: "DELETE FROM parameters WHERE run_id = ? AND which = ?", arguments: [runId, which.rawValue])
            for (position, tensor) in tensors.enumerated() {
                try ParameterRecord(runId: runId, which: which, position: position, tensor: tensor).insert(db)
            }
        }
    }

    /// The tensors of a run's set `which`, in stored order (empty when none were kept).
    public func parameters(runId: Int64, which: ParameterSet) throws -> [ParameterTensor] {
        try read { db in
            try ParameterRecord.fetchAll(
                db, sql: "SELECT * FROM parameters WHERE run_id = ? AND which = ? ORDER BY position",
                arguments: [runId, which.rawValue]
            ).map { try $0.tensor() }
        }
    }

    /// Stores the metadata of a split once; later calls with the same split fingerprint do
    /// nothing, except store rated pairs that an older cflab did not keep.
    public func saveDataMetadata(_ metadata: DataMetadata) throws {
        guard !metadata.splitFingerprint.isEmpty else {
            throw StoreError.invalidArgument("data metadata needs a split fingerprint")
        }
        let record = DataMetadataRecord(metadata, createdAt: StoreClock.now())
        let pairs = metadata.ratedPairs.map { RatedPairsRecord($0, splitFingerprint: metadata.splitFingerprint) }
        try write { db in
            try record.insert(db, onConflict: .ignore)
            try pairs?.insert(db, onConflict: .ignore)
        }
    }

    /// The metadata stored for a split fingerprint, or nil.
    public func dataMetadata(splitFingerprint: String) throws -> DataMetadata? {
        try read { db in
            guard var metadata = try DataMetadataRecord.fetchOne(db, key: splitFingerprint)?.metadata() else { return nil }
            // A store from before `v2-rated-pairs`, read without migrating, has no such table.
            guard try db.tableExists(RatedPairsRecord.databaseTableName) else { return metadata }
            metadata.ratedPairs = try RatedPairsRecord.fetchOne(db, key: splitFingerprint)?
                .pairs(userCount: metadata.users.count, itemCount: metadata.items.count)
            return metadata
        }
    }

    /// A run's kept parameters (the best set, else the final one), its config, and the
    /// metadata of its split: what a report needs to rebuild the model.
    public func loadModel(runId: Int64) throws -> StoredModel {
        let record = try run(id: runId)
        for which in [ParameterSet.best, .final] {
            let tensors = try parameters(runId: runId, which: which)
            guard !tensors.isEmpty else { continue }
            guard let metadata = try dataMetadata(splitFingerprint: record.splitFingerprint) else {
                throw StoreError.missingMetadata(runId: runId, splitFingerprint: record.splitFingerprint)
            }
            return StoredModel(runId: runId, config: record.config, which: which, tensors: tensors, metadata: metadata, semantics: record.semantics)
        }
        throw StoreError.noParameters(runId: runId, reason: Self.whyNoParameters(record))
    }

    /// Why `record` has no kept parameters, from its config and its end.
    static func whyNoParameters(_ record: RunRecord) -> StoreError.MissingParameters {
        let config = record.run.config
        if config["model"]?["kind"]?.stringValue == "global_mean" { return .noneToLearn }
        if config["training"]?["keep"]?.stringValue == "none" { return .keepNone }
        if record.outcome.status == .running { return .stillRunning }
        if record.outcome.status != .completed { return .ended(record.outcome.status.rawValue) }
        return .keepNone
    }
}
