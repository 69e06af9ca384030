import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The seven elements, in order, as the header and stage row name them.
let elementNames = [
    "Identity", "Retrospection", "Enactment", "Social activity", "Ongoing process",
    "Extracted cues", "Plausibility over accuracy",
]

extension Tmux {
    /// Starts `sensemaking run` with a log in the temporary directory and waits for Welcome.
    /// Returns the log's path.
    @discardableResult
    func startWorkshop(
        participants: String? = "Ana,Ben,Chi", title: String = "E2E workshop",
        extra: [String] = [], width: Int = 80, height: Int = 24
    ) throws -> String {
        let log = path("session.md")
        var arguments = ["run", "--title", title, "--log", log]
        if let participants { arguments += ["--participants", participants] }
        try start(try Tmux.binary(), arguments + extra, width: width, height: height)
        try wait(for: "Welcome")
        try wait("the screen to settle") { $0.contains(title) }
        return log
    }

    /// Starts `sensemaking run --follow-up EARLIER` with a log of its own and waits for its
    /// Welcome, which names the earlier session's `title`. Returns the new log's path.
    @discardableResult
    func startFollowUp(of earlier: String, title: String, participants: String = "Ana,Ben,Dev") throws -> String {
        let log = path("april.md")
        try start(try Tmux.binary(), ["run", "--follow-up", earlier, "--participants", participants, "--log", log])
        try wait(for: "Follow-up: \(title)")
        return log
    }

    /// Types a line and presses Enter.
    func submit(_ line: String) throws {
        try type(line)
        try press("Enter")
    }

    /// `/next`, then waits for the header to show stage `number`.
    func next(to number: Int) throws {
        try submit("/next")
        try wait(for: "Stage \(number) of 7")
    }

    /// Waits for the program to leave, and checks nothing of the TUI is left: returns the
    /// exit status.
    func exitAndRestored(seconds: Double = 10) throws -> (status: Int32, alternate: Bool, modes: Set<String>) {
        let status = try exitStatus(seconds: seconds)
        return (status, try alternateScreen(), try terminalModes())
    }
}

/// Reads a file, polling until it holds `text` (the journal is written before "saved" shows,
/// but the test may look before the key was handled).
func fileContents(_ path: String, containing text: String, seconds: Double = 5) -> String {
    var contents = ""
    _ = Tmux.poll(seconds: seconds) {
        contents = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return contents.contains(text)
    }
    return contents
}
