import CFCore
import CFReport
import CFStore
import CFText
import Foundation
import Hummingbird
import HummingbirdCore

extension Dashboard {
    /// `/api/`: runs, one run, its epochs, sweeps, one sweep and its comparison, as JSON
    /// with the numbers `--format json` prints (docs/serve.md gives every route).
    func addAPI(to router: Router<ServeContext>) {
        router.get("/api/runs") { request, _ in
            let filter = try RunFilter(request.uri)
            let runs = try store.runs(matching: filter.query)
            return Responses.json(RunJSON.listing(runs, sweptKeys: try sweptKeys(filter.sweep)))
        }
        router.get("/api/runs/{id}") { _, context in
            let id = try Self.runId(context)
            return Responses.json(RunJSON.detail(try store.run(id: id), epochs: try store.epochs(runId: id)))
        }
        router.get("/api/runs/{id}/epochs") { request, context in
            let id = try Self.runId(context)
            _ = try store.run(id: id)
            let after = request.uri.queryParameters.get("after").flatMap(Int.init) ?? 0
            return Responses.json(RunJSON.epochs(try store.epochs(runId: id).filter { $0.epoch > after }))
        }
        router.get("/api/sweeps") { _, _ in
            Responses.json(.array(try SweepSummary.all(in: store).map(\.json)))
        }
        router.get("/api/sweeps/{name}") { _, context in
            let name = try Self.sweepName(context)
            guard let sweep = try SweepSummary.named(name, in: store) else { throw HTTPError(.notFound, message: "no sweep \(name)") }
            return Responses.json(sweep.json)
        }
        router.get("/api/sweeps/{name}/compare") { request, context in
            let name = try Self.sweepName(context)
            guard try SweepSummary.named(name, in: store) != nil else { throw HTTPError(.notFound, message: "no sweep \(name)") }
            return Responses.json(try comparisonRequest(sweep: name, request.uri).table(in: store).json)
        }
    }

    /// The swept keys of `sweep`, shown as `params` in each run's object ([] for none).
    func sweptKeys(_ sweep: String?) throws -> [String] {
        guard let sweep else { return [] }
        return try store.sweeps().first { $0.name == sweep }?.sweptKeys ?? []
    }

    /// `cflab compare --sweep NAME` with the query's `at`, `group_by` and `metrics`.
    func comparisonRequest(sweep: String, _ uri: URI) throws -> ComparisonRequest {
        let parameters = uri.queryParameters
        func list(_ name: String) -> [String]? {
            parameters.get(name).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        let groupBy = parameters.get("group_by").map { $0 == "none" ? [] : list("group_by") ?? [] }
        return ComparisonRequest(
            selection: RunSelection(sweep: sweep), at: try EpochChoice(parsing: parameters.get("at") ?? "best"),
            groupBy: groupBy, metrics: list("metrics"))
    }
}
