import CFData

/// How block training (`training.blocks` = B, Gemulla et al.'s DSGD) partitions the
/// training ratings.
///
/// Users fall into B groups and items into B groups of nearly equal rating counts:
/// by descending count (ties by id), each joins the group with the fewest ratings so far
/// (ties to the lower group). Block k = g·B + h holds the ratings of user group g and
/// item group h, in training order. Stratum s is the B blocks (g, (g + s) mod B) for
/// g = 0..<B: no two of them share a user or an item, so they can train at the same time.
/// The plan depends only on the training ratings and B.
struct BlockPlan {
    let blocks: Int
    /// Training-rating indices grouped by block, ascending within each block.
    var indices: [Int32]
    /// Block k's ratings are `indices[offsets[k] ..< offsets[k + 1]]`.
    let offsets: [Int]

    init(train: RatingSet, userCount: Int, itemCount: Int, blocks: Int) {
        precondition(blocks >= 1, "BlockPlan needs at least one block")
        self.blocks = blocks
        let userGroups = Self.groups(ids: train.users, count: userCount, groups: blocks)
        let itemGroups = Self.groups(ids: train.items, count: itemCount, groups: blocks)
        var sizes = [Int](repeating: 0, count: blocks * blocks)
        var blockOf = [Int32](repeating: 0, count: train.count)
        for index in 0..<train.count {
            let block = Int(userGroups[Int(train.users[index])]) * blocks + Int(itemGroups[Int(train.items[index])])
            blockOf[index] = Int32(block)
            sizes[block] += 1
        }
        var offsets = [Int](repeating: 0, count: blocks * blocks + 1)
        for block in 0..<(blocks * blocks) { offsets[block + 1] = offsets[block] + sizes[block] }
        var next = Array(offsets.dropLast())
        var indices = [Int32](repeating: 0, count: train.count)
        for index in 0..<train.count {
            let block = Int(blockOf[index])
            indices[next[block]] = Int32(index)
            next[block] += 1
        }
        self.indices = indices
        self.offsets = offsets
    }

    /// The number of ratings in block `block`.
    func size(of block: Int) -> Int { offsets[block + 1] - offsets[block] }

    /// The block of user group `group` in stratum `stratum`.
    func block(group: Int, stratum: Int) -> Int { group * blocks + (group + stratum) % blocks }

    /// The group of each id in `0..<count`, balancing the number of ratings per group.
    static func groups(ids: [Int32], count: Int, groups: Int) -> [Int32] {
        var ratings = [Int](repeating: 0, count: count)
        for id in ids { ratings[Int(id)] += 1 }
        let order = (0..<count).sorted { ratings[$0] != ratings[$1] ? ratings[$0] > ratings[$1] : $0 < $1 }
        var load = [Int](repeating: 0, count: groups)
        var group = [Int32](repeating: 0, count: count)
        for id in order {
            var lightest = 0
            for candidate in 1..<max(groups, 1) where load[candidate] < load[lightest] { lightest = candidate }
            group[id] = Int32(lightest)
            load[lightest] += ratings[id]
        }
        return group
    }
}
