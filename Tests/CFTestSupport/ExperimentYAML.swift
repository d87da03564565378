/// Experiment files on built-in synthetic data, as YAML text.
public enum ExperimentYAML {
    /// The AdamW optimiser every small test experiment trains with.
    public static let adamW = "{kind: adamw, lr: 1.0e-2, weight_decay: 0.01}"

    /// A version-1 experiment on synthetic data; each section is a YAML flow mapping and
    /// `extra` (top-level keys such as `sweep:` or `schedule:`) comes last.
    public static func synthetic(
        name: String, seed: Int, data: String, split: String = "{kind: random, valid: 0.2}",
        model: String, optimizer: String = adamW, training: String, extra: String = ""
    ) -> String {
        """
        version: 1
        name: \(name)
        seed: \(seed)
        data:
          source: synthetic
          synthetic: \(data)
        split: \(split)
        model: \(model)
        optimizer: \(optimizer)
        training: \(training)
        \(extra)
        """
    }
}
