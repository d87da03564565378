import CFCore
import CFReport
import CFStore
import Hummingbird

extension Dashboard {
    /// The HTML pages; each answers 304 when the poll's entity tag still matches.
    func addPages(to router: Router<ServeContext>) {
        router.get("/") { request, _ in
            Responses.page(SweepsPage.render(try SweepSummary.all(in: store), storePath: store.path, settings: settings), for: request)
        }
        router.get("/sweeps/{name}") { request, context in
            let name = try Self.sweepName(context)
            guard let sweep = try SweepSummary.named(name, in: store) else { throw HTTPError(.notFound, message: "no sweep \(name)") }
            let comparison = Result { try ComparisonRequest(selection: RunSelection(sweep: name)).table(in: store) }
            var epochs: [Int64: [EpochRecord]] = [:]
            for run in sweep.runs { epochs[run.id] = try store.epochs(runId: run.id) }
            let page = SweepPage(sweep: sweep, comparison: comparison, epochs: epochs,
                                 reportLink: reports?.reportLink(for: name), settings: settings)
            return Responses.page(page.render(), for: request)
        }
        router.get("/runs") { request, _ in
            let filter = try RunFilter(request.uri)
            let runs = try store.runs(matching: filter.query)
            return Responses.page(RunsPage.render(runs, sweptKeys: try sweptKeys(filter.sweep), settings: settings), for: request)
        }
        router.get("/runs/{id}") { request, context in
            let id = try Self.runId(context)
            let page = RunPage(run: try store.run(id: id), epochs: try store.epochs(runId: id), settings: settings)
            return Responses.page(page.render(), for: request)
        }
        router.get("/overlay") { request, _ in
            let ids = (request.uri.queryParameters.get("runs") ?? "").split(separator: ",").compactMap { Int64($0) }
            var runs: [(record: RunRecord, epochs: [EpochRecord])] = []
            var missing: [Int64] = []
            for id in ids.prefix(OverlayPage.limit) {
                do {
                    runs.append((try store.run(id: id), try store.epochs(runId: id)))
                } catch StoreError.unknownRun {
                    missing.append(id)
                }
            }
            let metric = request.uri.queryParameters.get("metric") ?? "valid_rmse"
            let page = OverlayPage(runs: runs, metric: metric, missing: missing, settings: settings)
            return Responses.page(page.render(), for: request)
        }
    }
}
