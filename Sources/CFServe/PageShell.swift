import CFReport

/// The frame of every page: head, the navigation bar, and the `main` element that the
/// dashboard's script swaps in place when a poll finds a newer page.
enum PageShell {
    /// A whole page titled `title` around `body` (HTML that the caller escaped).
    ///
    /// With `live`, `main` carries `data-live` and the script polls the page's own address
    /// every `pollMilliseconds`; a 304 (same entity tag) changes nothing.
    static func render(title: String, live: Bool, pollMilliseconds: Int = 1000, body: String) -> String {
        let liveAttributes = live ? " data-live=\"true\" data-poll=\"\(pollMilliseconds)\"" : ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(title)) · cflab</title>
            <link rel="stylesheet" href="/static/dashboard.css">
            <script src="/static/dashboard.js" defer></script>
            </head>
            <body>
            <header><a class="brand" href="/">cflab</a><nav><a href="/">sweeps</a><a href="/runs">runs</a>\
            <a href="/api/sweeps">api</a></nav><span id="live-state" class="live-state"></span></header>
            <main id="page"\(liveAttributes)>
            \(body)
            </main>
            </body>
            </html>

            """
    }
}
