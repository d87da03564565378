import CFConfig
import CFCore

extension Initializer {
    /// Draws `count` values from `random`, one after another, in row-major order.
    ///
    /// - `uniform(low, high)`: low + (high - low)·u with u uniform in [0, 1) (53-bit).
    /// - `normal(std)`: std·z with z from Box-Muller.
    /// - `truncatedNormal(std)`: std·z, z redrawn while |z| > 2 (PyTorch `trunc_normal_`
    ///   with a = -2·std, b = 2·std, as fastai's `Embedding` uses it).
    public func sample(count: Int, random: inout Xoshiro256StarStar) -> [Float] {
        var values = [Float](repeating: 0, count: count)
        switch self {
        case let .uniform(low, high):
            for index in 0..<count { values[index] = Float(low + (high - low) * random.nextDouble()) }
        case let .normal(std):
            for index in 0..<count { values[index] = Float(std * random.nextGaussian()) }
        case let .truncatedNormal(std):
            for index in 0..<count { values[index] = Float(random.nextTruncatedGaussian(std: std)) }
        }
        return values
    }

    /// A new row-sparse table of `rows`×`columns` values drawn by `sample(count:random:)`
    /// from the stream of tensor `name` with that shape.
    public func table(name: String, rows: Int, columns: Int, streams: ParameterStreams) -> Parameter {
        Parameter(
            name: name, shape: [rows, columns],
            values: streams.draw(name, shape: [rows, columns]) { sample(count: rows * columns, random: &$0) },
            rowSparse: true
        )
    }
}
