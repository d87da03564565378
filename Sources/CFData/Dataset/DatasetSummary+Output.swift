import CFCore
import Foundation

extension DatasetSummary {
    /// The summary as JSON, keys in display order.
    public var json: JSONValue {
        func spread(_ value: Spread) -> JSONValue {
            .object([("min", .int(Int64(value.minimum))), ("median", .double(value.median)), ("max", .int(Int64(value.maximum)))])
        }
        return .object([
            ("name", .string(name)),
            ("source", .string(source)),
            ("path", path.map(JSONValue.string) ?? .null),
            ("ratings", .int(Int64(ratingCount))),
            ("users", .int(Int64(userCount))),
            ("items", .int(Int64(itemCount))),
            ("rating_min", .double(Double(ratingMin))),
            ("rating_max", .double(Double(ratingMax))),
            ("rating_mean", .double(ratingMean)),
            ("histogram", .array(histogram.map { .object([("rating", .double(Double($0.value))), ("count", .int(Int64($0.count)))]) })),
            ("sparsity", .double(sparsity)),
            ("ratings_per_user", spread(ratingsPerUser)),
            ("ratings_per_item", spread(ratingsPerItem)),
            ("predefined_folds", .array(predefinedFolds.map(JSONValue.string))),
            ("fingerprint", .string(fingerprint)),
            ("rating_scale", .object([
                ("low", .double(ratingScale.low)), ("high", .double(ratingScale.high)), ("origin", .string(ratingScale.origin)),
            ])),
            ("uncatalogued_items", .int(Int64(uncataloguedItems))),
            ("uncatalogued_ratings", .int(Int64(uncataloguedRatings))),
            ("notes", .array(notes.map(JSONValue.string))),
        ])
    }

    /// A two-column text table followed by the rating histogram.
    public var text: String {
        func spread(_ value: Spread) -> String {
            "\(value.minimum) / \(Self.number(value.median)) / \(value.maximum)"
        }
        var rows: [(String, String)] = [
            ("name", name),
            ("source", source),
        ]
        if let path { rows.append(("path", path)) }
        rows += [
            ("ratings", Self.grouped(ratingCount)),
            ("users", Self.grouped(userCount)),
            ("items", Self.grouped(itemCount)),
            ("rating scale", "\(Self.number(Double(ratingMin)))-\(Self.number(Double(ratingMax)))"),
            ("mean rating", String(format: "%.3f", ratingMean)),
            ("sparsity", String(format: "%.4f%%", sparsity * 100)),
            ("ratings per user (min / median / max)", spread(ratingsPerUser)),
            ("ratings per item (min / median / max)", spread(ratingsPerItem)),
        ]
        if !predefinedFolds.isEmpty { rows.append(("predefined folds", predefinedFolds.joined(separator: ", "))) }
        if uncataloguedItems > 0 {
            rows.append(("not in the catalogue", "\(Self.grouped(uncataloguedItems)) items, \(Self.grouped(uncataloguedRatings)) ratings"))
        }
        rows.append(("fingerprint", fingerprint))
        let width = rows.map(\.0.count).max() ?? 0
        var out = rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
        out += "\n\nrating  count    share\n"
        for bucket in histogram {
            let share = ratingCount > 0 ? Double(bucket.count) / Double(ratingCount) * 100 : 0
            out += Self.number(Double(bucket.value)).padding(toLength: 6, withPad: " ", startingAt: 0)
                + "  " + Self.grouped(bucket.count).leftPadded(to: 7)
                + "  " + String(format: "%5.1f%%", share) + "\n"
        }
        if !notes.isEmpty { out += "\n" + notes.map { "note: \($0)\n" }.joined() }
        return out
    }

    /// 100836 -> "100,836".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// 4.0 -> "4", 3.5 -> "3.5".
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
