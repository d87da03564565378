/// Eight dot products at once, for prediction: x_j + Σ_k p_j[k]·q_j[k] for eight pairs.
///
/// Each pair's sum keeps the scalar loop's operations in its order (x = x + p[k]·q[k]
/// for k = 0, 1, …, the product rounded before the sum), so every result has the bits of
/// the one-pair loop. Products are taken four factors at a time from each pair's rows,
/// then transposed so that one vector holds the k-th product of four pairs, which is
/// added to those pairs' sums: two vectors of sums, each a chain of one add per k,
/// where one pair at a time waits on every sum in turn.
enum PairDots {
    /// Walks the pairs of a prediction in order: each run of eight pairs seen in training
    /// goes to `eight` (its first index), with the rows of the next eight prefetched; any
    /// other pair goes to `single`, with the rows `ratingPrefetchDistance` ahead prefetched.
    @inline(__always)
    static func forEachRun(
        users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, statistics: TrainingStatistics,
        userTable: UnsafeBufferPointer<Float>, itemTable: UnsafeBufferPointer<Float>, width: Int,
        eight: (Int) -> Void, single: (Int) -> Void
    ) {
        let count = users.count
        var index = 0
        while index < count {
            if index + 8 <= count, statistics.areKnown(users: users, index..<(index + 8)),
               statistics.areKnown(items: items, index..<(index + 8)) {
                for ahead in (index + 8)..<min(index + 16, count) {
                    prefetchRow(userTable, users[ahead], width: width)
                    prefetchRow(itemTable, items[ahead], width: width)
                }
                eight(index)
                index += 8
                continue
            }
            let ahead = index + ratingPrefetchDistance
            if ahead < count {
                prefetchRow(userTable, users[ahead], width: width)
                prefetchRow(itemTable, items[ahead], width: width)
            }
            single(index)
            index += 1
        }
    }

    /// The pairs' sums, from `starts`, for the pairs `index..<index + 8` of (`users`,
    /// `items`), whose rows of `width` factors are in the row-major tables.
    @inline(__always)
    static func eight(
        starts: SIMD8<Float>, userTable: UnsafeBufferPointer<Float>, itemTable: UnsafeBufferPointer<Float>,
        users: UnsafeBufferPointer<Int32>, items: UnsafeBufferPointer<Int32>, at index: Int, width: Int
    ) -> SIMD8<Float> {
        let userBase = userTable.baseAddress!, itemBase = itemTable.baseAddress!
        @inline(__always) func user(_ lane: Int) -> UnsafePointer<Float> { userBase + Int(users[index + lane]) * width }
        @inline(__always) func item(_ lane: Int) -> UnsafePointer<Float> { itemBase + Int(items[index + lane]) * width }
        let (p0, p1, p2, p3, p4, p5, p6, p7) = (user(0), user(1), user(2), user(3), user(4), user(5), user(6), user(7))
        let (q0, q1, q2, q3, q4, q5, q6, q7) = (item(0), item(1), item(2), item(3), item(4), item(5), item(6), item(7))
        var low = starts.lowHalf, high = starts.highHalf
        var k = 0
        while k + 4 <= width {
            let a0 = load(p0 + k) * load(q0 + k), a1 = load(p1 + k) * load(q1 + k)
            let a2 = load(p2 + k) * load(q2 + k), a3 = load(p3 + k) * load(q3 + k)
            let b0 = load(p4 + k) * load(q4 + k), b1 = load(p5 + k) * load(q5 + k)
            let b2 = load(p6 + k) * load(q6 + k), b3 = load(p7 + k) * load(q7 + k)
            low = low + SIMD4(a0[0], a1[0], a2[0], a3[0])
            high = high + SIMD4(b0[0], b1[0], b2[0], b3[0])
            low = low + SIMD4(a0[1], a1[1], a2[1], a3[1])
            high = high + SIMD4(b0[1], b1[1], b2[1], b3[1])
            low = low + SIMD4(a0[2], a1[2], a2[2], a3[2])
            high = high + SIMD4(b0[2], b1[2], b2[2], b3[2])
            low = low + SIMD4(a0[3], a1[3], a2[3], a3[3])
            high = high + SIMD4(b0[3], b1[3], b2[3], b3[3])
            k += 4
        }
        while k < width {
            low = low + SIMD4(p0[k] * q0[k], p1[k] * q1[k], p2[k] * q2[k], p3[k] * q3[k])
            high = high + SIMD4(p4[k] * q4[k], p5[k] * q5[k], p6[k] * q6[k], p7[k] * q7[k])
            k += 1
        }
        return SIMD8(lowHalf: low, highHalf: high)
    }

    @inline(__always)
    private static func load(_ pointer: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Float>.self)
    }
}
