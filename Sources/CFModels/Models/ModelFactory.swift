import Foundation
import CFConfig
import CFCore

/// Builds the model a config names, drawing its initial parameters from `streams`.
public enum ModelFactory {
    /// The model an experiment trains and analyses: `make(config:)` on its `model`
    /// section, scoring with the statistics its `evaluation.cold_start` rule gives
    /// (`TrainingStatistics.scoring(coldStart:)`). Training and analysis both build
    /// models here, so the cold-start rule lives in one place.
    public static func make(
        experiment config: ExperimentConfig, statistics: TrainingStatistics, streams: ParameterStreams,
        semantics: RunSemantics = .current
    ) throws -> any RatingModel {
        try make(config: config.model, statistics: statistics.scoring(coldStart: config.evaluation.coldStart), streams: streams, semantics: semantics)
    }

    /// A new, initialised model for `config`, sized by `statistics` (user and item counts),
    /// with `y_range: data` resolved to [statistics.ratingMin, statistics.ratingMax].
    /// Each tensor draws from `streams` by name and shape, in the model's documented order.
    /// `semantics` says what `global_mean` means under a sigmoid range (`RunSemantics.meanInsideRange`).
    public static func make(
        config: ModelConfig, statistics: TrainingStatistics, streams: ParameterStreams, semantics: RunSemantics = .current
    ) throws -> any RatingModel {
        switch config.kind {
        case .globalMean:
            return GlobalMeanModel(statistics: statistics)
        case .biases:
            try requireTables(statistics)
            return BiasesModel(statistics: statistics)
        case .dot:
            try requireTables(statistics)
            return DotModel(
                dimensions: try sharedDimensions(config.embeddingDim), initializer: config.initializer,
                statistics: statistics, streams: streams)
        case .dotBias:
            try requireTables(statistics)
            try validate(config.dropout)
            return DotBiasModel(
                dimensions: try sharedDimensions(config.embeddingDim), initializer: config.initializer,
                range: try SigmoidRange(config.yRange, statistics: statistics),
                addsGlobalMean: config.globalMean, dropout: config.dropout,
                statistics: statistics, streams: streams, meanInsideRange: semantics.meanInsideRange,
                biasInit: config.biasInit, l2: config.l2, l2Exponent: config.l2Exponent, implicit: config.implicit)
        case .nn:
            try requireTables(statistics)
            try validate(config.dropout)
            return try NeuralModel(config: config, statistics: statistics, streams: streams)
        }
    }

    /// The one embedding width of a dot-product model (both sides must agree).
    static func sharedDimensions(_ embeddingDim: EmbeddingDim) throws -> Int {
        switch embeddingDim {
        case let .fixed(dimensions) where dimensions > 0:
            return dimensions
        case let .perSide(user, item) where user == item && user > 0:
            return user
        case .auto:
            throw ModelError.invalidEmbeddingDimensions("`auto` sizes each side separately, which only `nn` supports; give a number")
        default:
            throw ModelError.invalidEmbeddingDimensions("a dot product needs one positive width for both sides")
        }
    }

    static func validate(_ dropout: Dropout) throws {
        for (name, rate) in [("dropout.user", dropout.user), ("dropout.item", dropout.item)]
        where !(rate >= 0 && rate < 1) {
            throw ModelError.invalidDropout(name: name, rate: rate)
        }
    }

    static func requireTables(_ statistics: TrainingStatistics) throws {
        if statistics.userCount == 0 { throw ModelError.emptyTable(side: "user") }
        if statistics.itemCount == 0 { throw ModelError.emptyTable(side: "item") }
    }
}

// MARK: - Memory estimate

extension ModelFactory {
    /// The memory a training run needs beyond its data: parameters, optimiser state and batch.
    ///
    /// With U users, I items, embedding widths d_u and d_i (`auto` resolved by fastai's
    /// rule), P the number of trainable floats (embedding tables, bias tables, dense
    /// weights and biases, batchnorm γ/β), R the rows of row-sparse tables and B the rows
    /// of one pass (`training.batch_size`, at least the 1,024 rows of a prediction chunk):
    ///
    ///     bytes = P·(4 value + 4 gradient + 4 best-epoch copy + 4·s) + 5·R + B·(4·A + 12)
    ///
    /// where s is the optimiser's floats per parameter (adam/adamw 2, adagrad 1, sgd 1
    /// with momentum and 0 without), the copy counts only when `training.keep: best` or
    /// `early_stopping.restore_best` needs it, and A is the floats one row of a batch
    /// holds (inputs, dropout masks, activations and gradients). It is an estimate in
    /// counts, not a measurement: real use adds the data itself and the allocator's slack.
    public struct MemoryEstimate: Equatable, Sendable {
        /// Trainable floats (P).
        public var parameterCount: Int
        /// Rows of row-sparse tables (R), each with a touched flag and an index.
        public var sparseRows: Int
        /// Bytes of parameters, gradients, best-epoch copy and optimiser state.
        public var parameterBytes: Int
        /// Bytes of one batch's buffers (B·(4·A + 12)).
        public var batchBytes: Int
        /// The key that contributes most, named when the estimate is too large.
        public var dominantKey: String

        public var totalBytes: Int {
            let (sum, overflow) = parameterBytes.addingReportingOverflow(batchBytes)
            return overflow ? .max : sum
        }
    }

    /// Refusal of a run whose estimate exceeds the limit: names the key and the bytes.
    public struct MemoryEstimateTooLarge: Error, Equatable, CustomStringConvertible {
        public var estimate: MemoryEstimate
        public var limit: Int
        /// "physical memory" or "cflab's cap".
        public var limitName: String
        public var users: Int
        public var items: Int

        public var description: String {
            "\(estimate.dominantKey): training needs about \(estimate.totalBytes) bytes"
                + " (\(Self.gibibytes(estimate.totalBytes)) GiB: model, optimiser and batch for \(users) users and \(items) items),"
                + " more than \(limitName) (\(limit) bytes); lower \(estimate.dominantKey)"
        }

        static func gibibytes(_ bytes: Int) -> String {
            String(format: "%.1f", Double(bytes) / Double(1 << 30))
        }
    }

    /// Rows of one pass at least: evaluation predicts in chunks of this many rows.
    static let predictionRows = 1_024
    /// cflab's cap on the estimate, whatever the machine: 64 GiB.
    public static let memoryCap = 64 << 30

    /// The estimate for `config` on `users` users and `items` items, with every product
    /// computed without overflow (an absurd config estimates to `Int.max`, not a trap).
    public static func memoryEstimate(_ config: ExperimentConfig, users: Int, items: Int) -> MemoryEstimate {
        let model = config.model
        let counter = SaturatingCount()
        var embeddingFloats = 0, denseFloats = 0, rowFloats = 0
        var tables = 0
        switch model.kind {
        case .globalMean:
            break
        case .biases:
            embeddingFloats = counter.sum(users, items)
            tables = 1
        case .dot, .dotBias, .nn:
            let widths = (try? model.embeddingDim.sizes(userCount: max(users, 1), itemCount: max(items, 1))) ?? (user: 1, item: 1)
            embeddingFloats = counter.sum(counter.product(users, widths.user), counter.product(items, widths.item))
            tables = 1
            rowFloats = counter.product(2, widths.user + widths.item)
            if model.kind == .dotBias {
                embeddingFloats = counter.sum(embeddingFloats, users, items)
                tables = 2
            }
            if model.kind == .nn {
                var inputs = widths.user + widths.item
                for width in model.layers {
                    denseFloats = counter.sum(denseFloats, counter.product(inputs, width), width, model.batchnorm ? 2 * width : 0)
                    rowFloats = counter.sum(rowFloats, counter.product(width, model.batchnorm ? 4 : 3))
                    inputs = width
                }
                denseFloats = counter.sum(denseFloats, inputs, 1)
                rowFloats = counter.sum(rowFloats, counter.product(2, model.layers.max() ?? 0))
            }
        }
        rowFloats = counter.sum(rowFloats, 4)
        let parameters = counter.sum(embeddingFloats, denseFloats)
        let sparseRows = counter.product(tables, counter.sum(users, items))
        let keepsCopy = config.training.keep == .best || config.training.earlyStopping?.restoreBest == true
        let perFloat = 8 + (keepsCopy ? 4 : 0) + 4 * optimizerFloats(config.optimizer)
        let parameterBytes = counter.sum(counter.product(parameters, perFloat), counter.product(sparseRows, 5))
        let rows = max(config.training.batchSize, predictionRows)
        let batchBytes = counter.product(rows, counter.sum(counter.product(rowFloats, 4), 12))
        let dominant: String
        if batchBytes > parameterBytes {
            dominant = "training.batch_size"
        } else if denseFloats > embeddingFloats {
            dominant = "model.layers"
        } else {
            dominant = model.kind == .biases ? "model.kind" : "model.embedding_dim"
        }
        return MemoryEstimate(parameterCount: parameters, sparseRows: sparseRows, parameterBytes: parameterBytes,
                              batchBytes: batchBytes, dominantKey: dominant)
    }

    /// Throws `MemoryEstimateTooLarge` when the estimate exceeds `limit` (by default the
    /// smaller of the machine's physical memory and `memoryCap`). Nothing is allocated.
    public static func checkMemory(_ config: ExperimentConfig, users: Int, items: Int, limit: Int? = nil) throws {
        let estimate = memoryEstimate(config, users: users, items: items)
        let physical = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        let (bound, name): (Int, String) = limit.map { ($0, "the limit") }
            ?? (physical < memoryCap ? (physical, "physical memory") : (memoryCap, "cflab's cap of 64 GiB"))
        guard estimate.totalBytes > bound else { return }
        throw MemoryEstimateTooLarge(estimate: estimate, limit: bound, limitName: name, users: users, items: items)
    }

    /// Floats of optimiser state per parameter float.
    static func optimizerFloats(_ optimizer: OptimizerConfig) -> Int {
        switch optimizer.kind {
        case .adam, .adamw: return 2
        case .adagrad: return 1
        case .sgd: return optimizer.momentum > 0 ? 1 : 0
        }
    }
}

/// Sums and products that stop at `Int.max` instead of trapping.
private struct SaturatingCount {
    func product(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : value
    }

    func sum(_ values: Int...) -> Int {
        var total = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            if overflow { return .max }
            total = next
        }
        return total
    }
}
