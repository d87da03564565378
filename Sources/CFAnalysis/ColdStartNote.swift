/// The sentence that says a prediction used a cold-start fallback, and which.
enum ColdStartNote {
    /// How the run scores users or items it never saw in training.
    static func treatment(in run: AnalyzedRun) -> String {
        run.config.evaluation.coldStart == .model
            ? "scored with untrained parameters (evaluation.cold_start: model)"
            : "the \(run.kind) model's cold-start fallback was used"
    }

    /// A note when `user` has no training ratings, else nil.
    static func user(_ user: Int32, in run: AnalyzedRun) -> String? {
        guard !run.statistics.isKnown(user: user) else { return nil }
        return "User \(run.metadata.users.raw(user)) has no training ratings: \(treatment(in: run))."
    }

    /// A note when `user` or `item` has no training ratings, else nil.
    static func pair(user: Int32, item: Int32, in run: AnalyzedRun) -> String? {
        let metadata = run.metadata
        var unseen: [String] = []
        if !run.statistics.isKnown(user: user) { unseen.append("user \(metadata.users.raw(user))") }
        if !run.statistics.isKnown(item: item) { unseen.append("item \(metadata.items.raw(item))") }
        guard !unseen.isEmpty else { return nil }
        let subject = unseen.joined(separator: " and ")
        return "Cold start: \(subject) \(unseen.count > 1 ? "have" : "has") no training ratings; \(treatment(in: run))."
    }
}
