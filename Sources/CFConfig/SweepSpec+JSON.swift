import CFCore

extension SweepSpec {
    /// The sweep block in the file's vocabulary, for `config show` and the store.
    public var json: JSONValue {
        let parameters = self.parameters.map { parameter -> (String, JSONValue) in
            switch parameter.domain {
            case let .values(values): return (parameter.path, .array(values))
            case let .range(low, high, log, integer):
                return (parameter.path, .object([("min", .double(low)), ("max", .double(high)),
                                                 ("log", .bool(log)), ("int", .bool(integer))]))
            }
        }
        var pairs: [(String, JSONValue)] = [("method", .string(method.rawValue)), ("parameters", .object(parameters))]
        if method == .random {
            pairs += [("samples", .int(Int64(samples))), ("sampler_seed", ResolvedConfig.seed(samplerSeed))]
        }
        pairs += [("seeds", .array(seeds.map(ResolvedConfig.seed))), ("max_trials", .int(Int64(maxTrials)))]
        return .object(pairs)
    }
}
