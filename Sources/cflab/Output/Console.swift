import CFExperiment
import CFText
import Foundation

/// Writing to the terminal: stdout for results, stderr for progress and errors.
///
/// Everything printed passes through `Escaping.terminalLines`: a name, tag, title or
/// message from the store or a data file cannot retitle the window, clear the screen or
/// forge a line with its control characters. Only `styled(_:)` writes escape sequences,
/// for output whose text `TableRenderer` has already escaped.
enum Console {
    /// Whether standard output is an interactive terminal (progress bars, colours).
    static var isTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Whether a status line is on the terminal: the next line printed replaces it.
    private static let showsStatus = LockedValue(false)

    static func out(_ line: String) {
        clearShownStatus()
        FileHandle.standardOutput.write(Data((Escaping.terminalLines(line) + "\n").utf8))
    }

    /// Prints lines, each on one terminal line: a line feed inside a value (a stored name,
    /// a tag) becomes a space, as every other control character does.
    static func lines(_ lines: [String]) {
        clearShownStatus()
        FileHandle.standardOutput.write(Data(lines.map { Escaping.terminal($0) + "\n" }.joined().utf8))
    }

    /// Prints a table rendered with highlights: its cells are escaped by the renderer,
    /// and its colour codes are meant.
    static func styled(_ rendered: String) {
        clearShownStatus()
        FileHandle.standardOutput.write(Data((rendered + "\n").utf8))
    }

    static func error(_ line: String) {
        clearShownStatus()
        FileHandle.standardError.write(Data((Escaping.terminalLines(line) + "\n").utf8))
    }

    /// Rewrites the current terminal line (progress), without a newline.
    static func status(_ text: String) {
        showsStatus.withLock { shown in
            shown = true
            FileHandle.standardOutput.write(Data(("\r\u{1B}[2K" + Escaping.terminal(text)).utf8))
        }
    }

    /// Rewrites the current line of standard error (download progress); "" clears it.
    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Escaping.terminal(text)).utf8))
    }

    /// A 30-character progress bar such as `[#########.....................]`.
    static func bar(_ fraction: Double) -> String {
        let filled = Int(min(1, max(0, fraction)) * 30)
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "]"
    }

    /// What the first Ctrl-C or SIGTERM prints.
    @Sendable static func announceStop(_ signal: String) {
        error("\n\(signal): stopping at the next epoch boundary (again to stop now)")
    }

    static func clearStatus() {
        showsStatus.withLock { shown in
            shown = false
            FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
        }
    }

    /// Clears the status line if one is shown, so that a printed line starts clean.
    private static func clearShownStatus() {
        showsStatus.withLock { shown in
            guard shown else { return }
            shown = false
            FileHandle.standardOutput.write(Data("\r\u{1B}[2K".utf8))
        }
    }
}

/// A failure already explained to the user: print the message and exit with `code`.
struct UserFacingError: Error, CustomStringConvertible {
    let message: String
    let code: Int32

    init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}
