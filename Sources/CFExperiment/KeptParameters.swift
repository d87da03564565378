import CFConfig
import CFModels
import CFStore
import CFTraining

/// The tensors `training.keep` asks the store to keep, as `ParameterTensor`s.
public enum KeptParameters {
    /// `best`: the best epoch's snapshot (`TrainingResult.bestParameters`); `final`: the
    /// model's parameters and buffers at the end; `none`: nothing.
    public static func tensors(of result: TrainingResult, keep: TrainingConfig.Keep) -> [(ParameterSet, [ParameterTensor])] {
        let saved = result.model.savedTensors
        switch keep {
        case .none:
            return []
        case .final:
            guard !saved.isEmpty else { return [] }
            return [(.final, saved.map { ParameterTensor(name: $0.name, shape: $0.shape, values: $0.values) })]
        case .best:
            guard let snapshot = result.bestParameters else { return [] }
            let shapes = Dictionary(saved.map { ($0.name, $0.shape) }, uniquingKeysWith: { first, _ in first })
            let tensors = zip(snapshot.names, snapshot.values).map { name, values in
                ParameterTensor(name: name, shape: shapes[name] ?? [values.count], values: values)
            }
            return [(.best, tensors)]
        }
    }
}
