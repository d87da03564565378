import CFCore
import Foundation
import GRDB

/// One row of `parameters`: a tensor of a run's kept set as a little-endian Float32 BLOB.
struct ParameterRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "parameters"

    var runId: Int64
    var which: String
    /// Order of the tensor within its set, so that a model is rebuilt in its own order.
    var position: Int
    var name: String
    /// The shape as a JSON array, for example `[610,32]`.
    var shape: String
    var data: Data
    /// `RowChecksum.parameter` of `shape` and `data`; nil in rows from before `v4-checksums`.
    var checksum: String?

    enum CodingKeys: String, CodingKey {
        case runId = "run_id", which, position, name, shape, data, checksum
    }

    init(runId: Int64, which: ParameterSet, position: Int, tensor: ParameterTensor) {
        self.runId = runId
        self.which = which.rawValue
        self.position = position
        self.name = tensor.name
        self.shape = JSONValue.array(tensor.shape.map { .int(Int64($0)) }).canonical
        self.data = FloatBlob.encode(tensor.values)
        self.checksum = RowChecksum.parameter(shape: Data(shape.utf8), data: data)
    }

    /// The tensor, checking that the BLOB holds exactly the shape's element count.
    func tensor() throws -> ParameterTensor {
        let dimensions = (try? JSONValue.parse(shape))?.arrayValue?.compactMap(\.intValue).map(Int.init)
        guard let dimensions, let values = FloatBlob.decodeFloats(data), values.count == dimensions.reduce(1, *) else {
            throw StoreError.corruptRecord(path: "parameters", reason: "run \(runId) tensor \(name): shape \(shape) does not match \(data.count) bytes")
        }
        return ParameterTensor(name: name, shape: dimensions, values: values)
    }
}
