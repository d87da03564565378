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
        if method != .grid {
            pairs += [("samples", .int(Int64(samples))), ("sampler_seed", ResolvedConfig.seed(samplerSeed))]
        }
        pairs += [("seeds", .array(seeds.map(ResolvedConfig.seed))), ("max_trials", .int(Int64(maxTrials)))]
        // Absent blocks stay absent, so that the spec of an older sweep is unchanged.
        if let rule = earlyTerminate {
            pairs.append(("early_terminate", .object([
                ("kind", .string(rule.kind.rawValue)), ("min_epochs", .int(Int64(rule.minEpochs))),
                ("eta", .int(Int64(rule.eta))), ("metric", .string(rule.metric)),
            ])))
        }
        if method == .tpe {
            pairs.append(("tpe", .object([
                ("startup_trials", .int(Int64(tpe.startupTrials))), ("candidates", .int(Int64(tpe.candidates))),
                ("gamma", .double(tpe.gamma)), ("prior_weight", .double(tpe.priorWeight)),
                ("batch", .int(Int64(tpe.batch))), ("metric", .string(tpe.metric)),
            ])))
        }
        return .object(pairs)
    }
}
