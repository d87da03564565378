/// Why a training run could not start.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    case emptyTrainingSet
    case invalidSetting(key: String, message: String)
    case idOutOfRange(part: String, kind: String, id: Int32, count: Int)

    public var description: String {
        switch self {
        case .emptyTrainingSet:
            "the training part of the split is empty: lower `split.valid`/`split.test` or use more data"
        case .invalidSetting(let key, let message):
            "`\(key)`: \(message)"
        case .idOutOfRange(let part, let kind, let id, let count):
            "\(part) ratings use \(kind) id \(id) but the dataset has only \(count) \(kind)s: rebuild the split from this dataset"
        }
    }
}
