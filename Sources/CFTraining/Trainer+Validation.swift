import CFConfig
import CFData

extension Trainer {
    /// Checks the settings the loop depends on and that every id fits the dataset.
    static func validate(config: ExperimentConfig, split: DataSplit, userCount: Int, itemCount: Int) throws {
        if split.train.isEmpty { throw TrainingError.emptyTrainingSet }
        if config.training.epochs < 1 {
            throw TrainingError.invalidSetting(key: "training.epochs", message: "must be at least 1, got \(config.training.epochs)")
        }
        if config.training.batchSize < 1 {
            throw TrainingError.invalidSetting(
                key: "training.batch_size", message: "must be at least 1, got \(config.training.batchSize)"
            )
        }
        if let patience = config.training.earlyStopping?.patience, patience < 1 {
            throw TrainingError.invalidSetting(
                key: "training.early_stopping.patience", message: "must be at least 1, got \(patience)"
            )
        }
        let parts: [(String, RatingSet?)] = [("train", split.train), ("valid", split.valid), ("test", split.test)]
        for case let (name, ratings?) in parts {
            if let bad = ratings.users.first(where: { $0 < 0 || Int($0) >= userCount }) {
                throw TrainingError.idOutOfRange(part: name, kind: "user", id: bad, count: userCount)
            }
            if let bad = ratings.items.first(where: { $0 < 0 || Int($0) >= itemCount }) {
                throw TrainingError.idOutOfRange(part: name, kind: "item", id: bad, count: itemCount)
            }
        }
    }
}
