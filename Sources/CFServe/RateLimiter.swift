import Foundation

/// A token bucket per client: each holds up to `burst` requests and refills at `rate`
/// per second, so a client may make `burst` requests at once and `rate` a second after.
actor RateLimiter {
    struct Bucket {
        var tokens: Double
        var updated: Double
    }

    let rate: Double
    let burst: Double
    /// Buckets beyond this count are swept of full ones, so that many clients cannot grow the table.
    let maxClients: Int
    private var buckets: [String: Bucket] = [:]

    init(rate: Int, burst: Int, maxClients: Int = 4096) {
        self.rate = Double(rate)
        self.burst = Double(burst)
        self.maxClients = maxClients
    }

    /// Takes one request from `client`'s bucket at time `now` (seconds); false when empty.
    func admit(_ client: String, now: Double = ProcessInfo.processInfo.systemUptime) -> Bool {
        var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
        bucket.tokens = min(burst, bucket.tokens + max(0, now - bucket.updated) * rate)
        bucket.updated = now
        let admitted = bucket.tokens >= 1
        if admitted { bucket.tokens -= 1 }
        buckets[client] = bucket
        if buckets.count > maxClients { sweep(now: now) }
        return admitted
    }

    /// Drops the buckets that have refilled: forgetting them changes no decision.
    private func sweep(now: Double) {
        buckets = buckets.filter { $0.value.tokens + (now - $0.value.updated) * rate < burst }
    }
}
