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

    public init(runId: Int64, config: JSONValue, which: ParameterSet, tensors: [ParameterTensor], metadata: DataMetadata) {
        self.runId = runId
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
