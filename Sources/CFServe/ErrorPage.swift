import CFReport
import HTTPTypes
import Hummingbird

/// The responses the dashboard sends for a refused or failed request: JSON under `/api/`
/// (`{"error": "…"}`), a short HTML page elsewhere; the reason is always escaped.
enum ErrorPage {
    static func response(_ status: HTTPResponse.Status, _ reason: String, json: Bool = false) -> Response {
        if json {
            return Responses.json(.object([("error", .string(reason))]), status: status)
        }
        let body = PageShell.render(title: "\(status.code) \(status.reasonPhrase)", live: false, body: """
            <h1>\(status.code) \(HTMLText.escape(status.reasonPhrase))</h1>
            <p>\(HTMLText.escape(reason))</p>
            <p><a href="/">All sweeps</a></p>
            """)
        return Responses.html(body, status: status)
    }
}
