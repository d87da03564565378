import CFStore
import Foundation
import Hummingbird
import HummingbirdCore

/// The query of `/api/runs` and `/runs`: `sweep`, `status` (comma-separated), `tag`,
/// `where` (the `--where` language of `cflab runs`), `sort`, `descending`, `limit`.
struct RunFilter {
    var query: RunQuery
    var sweep: String?

    /// The most runs one answer lists unless `limit` asks for fewer.
    static let maxLimit = 10_000

    /// Reads the parameters; throws a one-line reason for a bad one.
    init(_ uri: URI) throws {
        let parameters = uri.queryParameters
        func value(_ name: String) -> String? { parameters.get(name).flatMap { $0.isEmpty ? nil : $0 } }
        sweep = value("sweep")
        let statuses = try (value("status")?.split(separator: ",") ?? []).map { name in
            guard let status = RunStatus(rawValue: String(name)) else {
                throw RequestProblem("status \(name): expected one of " + RunStatus.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return status
        }
        let limit = try value("limit").map { text in
            guard let number = Int(text), number >= 1 else { throw RequestProblem("limit \(text): expected a whole number from 1") }
            return min(number, Self.maxLimit)
        } ?? Self.maxLimit
        let filter = try value("where").map { try WhereFilter(parsing: $0) }
        query = RunQuery(sweep: sweep, statuses: statuses, tag: value("tag"), filter: filter, currentOnly: value("current") == "true",
                         sort: value("sort"), descending: value("descending") == "true", limit: limit)
    }
}
