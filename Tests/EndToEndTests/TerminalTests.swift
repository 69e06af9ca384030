import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every way out gives the terminal back: out of the alternate screen, line editing and
/// echo on, and what was saved is in the log.
@Suite struct LeavingTests {
    /// Starts a session in Identity with one saved contribution; returns the log's path.
    private func sessionWithOneContribution(_ tmux: Tmux) throws -> String {
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.submit("saved before leaving")
        try tmux.wait(for: "saved before leaving")
        #expect(fileContents(log, containing: "saved before leaving").contains("saved before leaving"))
        return log
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aTerminationSignalLeavesCleanly(signal: Int32) throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try sessionWithOneContribution(tmux)
        try tmux.type("typed, not submitted")
        try tmux.wait(for: "typed, not submitted")
        try tmux.signal(signal)
        let (status, alternate, modes) = try tmux.exitAndRestored()
        #expect(status == 0, "a signal leaves as /quit does")
        #expect(!alternate, "the pane left the alternate screen")
        #expect(modes.isSuperset(of: ["icanon", "echo", "isig"]), "the terminal modes are back: \(modes)")
        #expect(try tmux.history().contains("resume"), "the way back is printed")
        #expect((try? String(contentsOfFile: log, encoding: .utf8))?.contains("saved before leaving") == true)
    }

    @Test func ctrlCTwiceQuits() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try sessionWithOneContribution(tmux)
        try tmux.press("C-c")
        try tmux.wait("the first Ctrl-C to ask") { $0.contains("Ctrl-C again") }
        #expect(try tmux.alternateScreen(), "one Ctrl-C does not leave")
        try tmux.press("C-c")
        let (status, alternate, modes) = try tmux.exitAndRestored()
        #expect(status == 0)
        #expect(!alternate)
        #expect(modes.isSuperset(of: ["icanon", "echo", "isig"]), "the terminal modes are back: \(modes)")
        #expect((try? String(contentsOfFile: log, encoding: .utf8))?.contains("saved before leaving") == true)
    }

    /// A crash (here sent from outside) restores the terminal in the signal handler, then
    /// dies of the same signal.
    @Test(arguments: [SIGSEGV, SIGABRT, SIGILL, SIGBUS, SIGFPE, SIGTRAP])
    func aCrashSignalRestoresTheTerminal(signal: Int32) throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try sessionWithOneContribution(tmux)
        try tmux.signal(signal)
        let (status, alternate, modes) = try tmux.exitAndRestored()
        #expect(status == 128 + signal, "it dies of the signal it got")
        #expect(!alternate, "the pane left the alternate screen")
        #expect(modes.isSuperset(of: ["icanon", "echo", "isig"]), "the terminal modes are back: \(modes)")
        #expect((try? String(contentsOfFile: log, encoding: .utf8))?.contains("saved before leaving") == true)
    }

    /// The terminal going away (the pane's process group hung up, as a closed SSH session)
    /// ends the program instead of leaving it spinning.
    @Test func aHangUpEndsTheProgram() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        _ = try sessionWithOneContribution(tmux)
        let pid = try tmux.programPID()
        try tmux.run(["kill-session"])
        let gone = Tmux.poll(seconds: 5) { kill(pid, 0) != 0 && errno == ESRCH }
        #expect(gone, "the program ended when its terminal closed")
    }
}

/// Without a usable terminal the program refuses in one line on standard error, exit 2,
/// before it touches the terminal or creates a log.
@Suite struct RefusalTests {
    private func refuse(environment: [String: String], unset: [String] = []) throws -> (status: Int32, error: String, tmux: Tmux) {
        let tmux = try Tmux()
        let errorPath = tmux.path("stderr.txt")
        try tmux.start(try Tmux.binary(), ["run", "--log", tmux.path("session.md")],
                       environment: environment, unset: unset, standardError: errorPath)
        let status = try tmux.exitStatus()
        let error = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        #expect(!FileManager.default.fileExists(atPath: tmux.path("session.md")), "no log was created")
        #expect(try !tmux.alternateScreen())
        return (status, error, tmux)
    }

    private func expectOneLine(_ error: String, mentioning word: String) {
        let lines = error.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines[1].isEmpty, "one line on standard error: \(error.debugDescription)")
        #expect(error.contains(word), "the line names \(word): \(error)")
    }

    @Test func termDumb() throws {
        let (status, error, tmux) = try refuse(environment: ["LANG": "C.UTF-8", "TERM": "dumb"])
        defer { tmux.close() }
        #expect(status == 2)
        expectOneLine(error, mentioning: "TERM")
    }

    @Test func termUnset() throws {
        let (status, error, tmux) = try refuse(environment: ["LANG": "C.UTF-8"], unset: ["TERM"])
        defer { tmux.close() }
        #expect(status == 2)
        expectOneLine(error, mentioning: "TERM")
    }

    @Test func termUnknown() throws {
        let (status, error, tmux) = try refuse(environment: ["LANG": "C.UTF-8", "TERM": "no-such-terminal"])
        defer { tmux.close() }
        #expect(status == 2)
        expectOneLine(error, mentioning: "no-such-terminal")
    }

    @Test func localeNotUTF8() throws {
        let (status, error, tmux) = try refuse(
            environment: ["LANG": "C", "LC_ALL": "C", "TERM": "xterm-256color"], unset: ["LC_CTYPE"])
        defer { tmux.close() }
        #expect(status == 2)
        expectOneLine(error, mentioning: "UTF-8")
    }

    /// Standard input and output not a terminal (no tmux: files).
    @Test func notATerminal() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        var environment = Spawn.environment
        environment["LANG"] = "C.UTF-8"
        environment["TERM"] = "xterm-256color"
        let result = try Spawn.run([try Tmux.binary(), "run", "--log", tmux.path("session.md")],
                                   in: tmux.directory, environment: environment)
        #expect(result.status == 2)
        #expect(result.output.isEmpty, "nothing on standard output: \(result.output.debugDescription)")
        expectOneLine(result.error, mentioning: "terminal")
        #expect(!FileManager.default.fileExists(atPath: tmux.path("session.md")))
    }
}
