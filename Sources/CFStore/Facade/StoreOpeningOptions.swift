/// How `RunStore` opens a file beyond `path` and `readOnly`: hooks for tests.
struct StoreOpeningOptions {
    /// The owner to claim and write as; nil takes `ClaimOwner.current()`.
    var owner: ClaimOwner?
    /// Opens a read-only store `immutable` even where the folder can be written (tests run
    /// as root, whom a `chmod 0555` folder does not stop).
    var forcesImmutable = false
}
