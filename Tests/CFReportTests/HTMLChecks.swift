import Foundation

/// Structure checks of a report's index.html, the kind of breakage a reader would see:
/// unbalanced tags, links to files that are not there or lie outside the report, anything
/// fetched from the network, repeated section headings, ragged tables.
enum HTMLChecks {
    /// Elements that have no end tag.
    static let voidElements: Set<String> = ["meta", "img", "br", "hr", "link", "input", "wbr", "col", "source"]

    /// A tag of the page: its name, whether it ends an element, its attribute text.
    struct Tag {
        let name: String
        let isEnd: Bool
        let attributes: String
        /// The text from the end of this tag to the next tag.
        let following: String
    }

    /// The tags of `html` in order, skipping the contents of `<style>` (CSS, not markup).
    static func tags(_ html: String) -> [Tag] {
        let pattern = try! NSRegularExpression(pattern: "<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>")
        let text = html as NSString
        let matches = pattern.matches(in: html, range: NSRange(location: 0, length: text.length))
        return matches.enumerated().map { index, match in
            let end = index + 1 < matches.count ? matches[index + 1].range.location : text.length
            let after = match.range.location + match.range.length
            return Tag(name: text.substring(with: match.range(at: 2)).lowercased(), isEnd: match.range(at: 1).length == 1,
                       attributes: text.substring(with: match.range(at: 3)), following: text.substring(with: NSRange(location: after, length: end - after)))
        }
    }

    /// Every structural problem of `html`, a report page in `folder`; empty when none.
    static func problems(_ html: String, folder: URL) -> [String] {
        var problems: [String] = []
        let tags = tags(html)
        // Balanced: every element closes, innermost first.
        var open: [String] = []
        for tag in tags where !voidElements.contains(tag.name) {
            if !tag.isEnd { open.append(tag.name); continue }
            guard open.last == tag.name else { problems.append("</\(tag.name)> closes <\(open.last ?? "nothing")>"); break }
            open.removeLast()
        }
        if !open.isEmpty { problems.append("never closed: \(open)") }
        problems += linkProblems(tags, folder: folder)
        // One heading per section: a single h1, and no h2 title twice.
        let headings = tags.filter { !$0.isEnd && ($0.name == "h1" || $0.name == "h2") }
        if headings.filter({ $0.name == "h1" }).count != 1 { problems.append("not exactly one <h1>") }
        let titles = headings.filter { $0.name == "h2" }.map(\.following)
        if Set(titles).count != titles.count { problems.append("a section heading repeats: \(titles)") }
        problems += tableProblems(tags)
        return problems
    }

    /// Each `src` and `href` is relative, names an existing file and stays inside `folder`;
    /// nothing is loaded from the network.
    static func linkProblems(_ tags: [Tag], folder: URL) -> [String] {
        var problems: [String] = []
        let attribute = try! NSRegularExpression(pattern: "(src|href)=\"([^\"]*)\"")
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        for tag in tags where !tag.isEnd {
            let text = tag.attributes as NSString
            for match in attribute.matches(in: tag.attributes, range: NSRange(location: 0, length: text.length)) {
                let target = text.substring(with: match.range(at: 2))
                    .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                if target.hasPrefix("#") { continue }
                guard !target.contains(":"), !target.hasPrefix("/") else { problems.append("<\(tag.name)> links outside the report: \(target)"); continue }
                let file = folder.appendingPathComponent(target).standardizedFileURL.resolvingSymlinksInPath()
                if !file.path.hasPrefix(base + "/") { problems.append("\(target) leaves the report folder") }
                if !FileManager.default.fileExists(atPath: file.path) { problems.append("\(target) does not exist") }
            }
        }
        if tags.contains(where: { !$0.isEnd && ["script", "link", "iframe"].contains($0.name) }) { problems.append("a script, link or iframe element") }
        return problems
    }

    /// Every row of a table has as many cells as its first row.
    static func tableProblems(_ tags: [Tag]) -> [String] {
        var problems: [String] = []
        var rows: [Int] = [], cells = 0, tables = 0
        for tag in tags {
            switch (tag.name, tag.isEnd) {
            case ("table", false): rows = []
            case ("tr", false): cells = 0
            case ("th", false), ("td", false): cells += 1
            case ("tr", true): rows.append(cells)
            case ("table", true):
                tables += 1
                if rows.isEmpty || Set(rows).count != 1 || rows[0] == 0 { problems.append("table \(tables) has rows of \(rows) cells") }
            default: break
            }
        }
        return problems
    }
}
