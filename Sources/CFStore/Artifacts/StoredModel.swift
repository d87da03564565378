import CFCore

/// A trained run ready to be rebuilt without the raw data: config, kept tensors, metadata.
public struct StoredModel: Equatable, Sendable {
    public var runId: Int64
    /// The resolved config the run trained with.
    public var config: JSONValue
    /// Which set the tensors are: `best` when kept, otherwise `final`.
    public var which: ParameterSet
    /// The tensors in the model's own order.
    public var tensors: [ParameterTensor]
    public var metadata: DataMetadata
    /// The run's semantics version (`RunSemantics`): what its config meant when trained.
    public var semantics: Int

    public init(runId: Int64, config: JSONValue, which: ParameterSet, tensors: [ParameterTensor], metadata: DataMetadata, semantics: Int = RunSemantics.current.version) {
        self.runId = runId
        self.semantics = semantics
        self.config = config
        self.which = which
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor called `name`, if the model has one.
    public func tensor(named name: String) -> ParameterTensor? {
        tensors.first { $0.name == name }
    }
}
