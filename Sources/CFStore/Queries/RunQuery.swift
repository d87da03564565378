/// Which runs `runs(matching:)` returns, and in what order.
public struct RunQuery: Sendable {
    /// Only runs of this sweep ("" for runs outside sweeps).
    public var sweep: String?
    /// Only runs with one of these statuses (empty: any).
    public var statuses: [RunStatus]
    /// Only runs carrying this tag.
    public var tag: String?
    /// A parsed `--where` expression.
    public var filter: WhereFilter?
    /// Only the current attempt of each trial (and runs outside trials).
    public var currentOnly: Bool
    /// Sort by this field: a best-epoch metric (`valid_rmse`), a run column (`id`,
    /// `seconds`, `started_at`...), or a config key (`optimizer.lr`). Nil: by id.
    public var sort: String?
    /// Sort from largest to smallest. Runs without a value come last either way.
    public var descending: Bool
    public var limit: Int?

    public init(
        sweep: String? = nil, statuses: [RunStatus] = [], tag: String? = nil, filter: WhereFilter? = nil,
        currentOnly: Bool = false, sort: String? = nil, descending: Bool = false, limit: Int? = nil
    ) {
        self.sweep = sweep
        self.statuses = statuses
        self.tag = tag
        self.filter = filter
        self.currentOnly = currentOnly
        self.sort = sort
        self.descending = descending
        self.limit = limit
    }
}
