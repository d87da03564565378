import CFCore
import CFExperiment
import CFText
import Foundation

/// One measured case of `cflab bench`, as the JSON object it prints with `--format json`.
///
/// Keys: `case`, `model`, `optimizer`, `batch_size`, `data`, `train_ratings`, `threads`,
/// `ratings_per_second` (median over repetitions; for `rank-20m`, (user, item) pairs
/// scored per second), `seconds_median`, `seconds_min`,
/// `seconds_max` (per epoch, or per repetition of a loading or splitting case),
/// `peak_megabytes` (the process's peak resident set, mapped file pages included),
/// `valid_rmse`, `repetitions`, `seconds` (each one), `cpu`, `build`, `blas`.
/// A table shows the same rows; a parent `cflab bench` reads its children's rows back.
enum BenchRow {
    static let columns = [
        TableColumn("case", alignment: .left), TableColumn("model", alignment: .left),
        TableColumn("optimizer", alignment: .left), TableColumn("batch", key: "batch_size", alignment: .right),
        TableColumn("data", alignment: .left),
        TableColumn("train ratings", key: "train_ratings", alignment: .right),
        TableColumn("threads", alignment: .right),
        TableColumn("ratings/s", key: "ratings_per_second", alignment: .right, numbers: .fixed(0)),
        TableColumn("s/epoch", key: "seconds_median", alignment: .right, numbers: .fixed(3)),
        TableColumn("min", key: "seconds_min", alignment: .right, numbers: .fixed(3)),
        TableColumn("max", key: "seconds_max", alignment: .right, numbers: .fixed(3)),
        TableColumn("peak MB", key: "peak_megabytes", alignment: .right, numbers: .fixed(1)),
        TableColumn("valid_rmse", alignment: .right, numbers: .fixed(4)),
    ]

    /// The row of one case: `seconds` and `rates` hold one value per repetition.
    static func make(
        _ benchCase: BenchCase, shape: DataShape, trainRatings: Int, threads: Int,
        seconds: [Double], rates: [Double], validRMSE: Double?
    ) -> JSONValue {
        let build = BuildInfo.current
        return .object([
            ("case", .string(benchCase.name)),
            ("model", .string(benchCase.modelLabel)),
            ("optimizer", .string(benchCase.optimizerLabel)),
            ("batch_size", benchCase.batchSize > 0 ? .int(Int64(benchCase.batchSize)) : .null),
            ("data", .string(shape.label)),
            ("train_ratings", .int(Int64(trainRatings))),
            ("threads", .int(Int64(threads))),
            ("ratings_per_second", median(rates).map(JSONValue.double) ?? .null),
            ("seconds_median", median(seconds).map(JSONValue.double) ?? .null),
            ("seconds_min", seconds.min().map(JSONValue.double) ?? .null),
            ("seconds_max", seconds.max().map(JSONValue.double) ?? .null),
            ("peak_megabytes", .double(PeakMemory.megabytes())),
            ("valid_rmse", validRMSE.map(JSONValue.double) ?? .null),
            ("repetitions", .int(Int64(seconds.count))),
            ("seconds", .array(seconds.map(JSONValue.double))),
            ("cpu", .string(HostInfo.cpuModel)),
            ("build", .string(build.configuration)),
            ("blas", .string(build.blas)),
        ])
    }

    /// The middle value (the mean of the two middle ones for an even count).
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// `cpu: ... (2 cores), release build, openblas`: what every figure depends on.
    static var machineLine: String {
        let build = BuildInfo.current
        return "cpu: \(HostInfo.cpuModel) (\(ProcessInfo.processInfo.activeProcessorCount) cores), "
            + "\(build.configuration) build, \(build.blas)"
    }

    /// Prints the rows as a table (after the machine line), or as JSON Lines.
    static func print(_ rows: [JSONValue], format: TableFormat) {
        if format == .json {
            for row in rows { Console.out(row.compact) }
            return
        }
        let table = Table(columns: columns, rows: rows.map { row in columns.map { TableCell(row[$0.key]) } })
        Console.out(machineLine)
        Console.out(TableRenderer(format: format).render(table))
    }
}

/// The process's peak resident memory so far.
enum PeakMemory {
    static func megabytes() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #endif
    }
}
