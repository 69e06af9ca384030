import Foundation
import SessionLog
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Faults around the real binary: the log pulled from under it, a disk that refuses, a
/// second copy, kill -9 at random moments, and terminals too small or resized fast.
@Suite struct FaultTests {
    enum Mishap: String, CaseIterable, CustomStringConvertible {
        case deleted, renamed
        var description: String { rawValue }
    }

    @Test("The log deleted or renamed while the session runs: it says so and goes on, whole, beside it",
          arguments: Mishap.allCases)
    func logPulledAway(_ mishap: Mishap) throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.submit("before the mishap")
        // In the list, numbered: the input box shows the same words before Enter is handled,
        // and a log pulled away before that save is noticed by it, not by the next.
        try tmux.wait(for: "#1 Ana: before the mishap")
        if mishap == .deleted { unlink(log) } else { rename(log, tmux.path("moved.md")) }
        try tmux.submit("after the mishap")
        let screen = try tmux.wait(for: "was deleted or moved")
        #expect(screen.contains("session.md was deleted or moved; everything is saved in"), "\(screen)")
        #expect(screen.contains("✓ saved  session.recovered-"), "the status line names the file now written:\n\(screen)")
        try tmux.submit("later still")
        try tmux.wait(for: "later still")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
        let recovered = try #require(try FileManager.default.contentsOfDirectory(atPath: tmux.directory)
            .first { $0.hasPrefix("session.recovered-") && $0.hasSuffix(".md") })
        let printed = try tmux.run(["capture-pane", "-p", "-J", "-S", "-"]).output   // wrapped lines joined
        #expect(printed.contains("Continue with: sensemaking resume \(tmux.path(recovered))"), "\(printed)")
        let contents = try LogReader.read(path: tmux.path(recovered))
        #expect(contents.session.contributions.map(\.text) == ["before the mishap", "after the mishap", "later still"])
        #expect(contents.continues == log)
    }

    /// A real refusal of the disk: the file size limit (EFBIG; SIGXFSZ ignored).
    @Test func aDiskThatRefusesShowsNotSavedAndLosesNothingShownSaved() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = tmux.path("session.md")
        try tmux.start("sh", ["-c", "trap '' XFSZ; ulimit -f 8; exec \"$0\" \"$@\"", try Tmux.binary(),
                              "run", "--log", log, "--participants", "Ana,Ben"],
                       standardError: tmux.path("stderr.txt"))
        try tmux.wait(for: "Welcome")
        try tmux.next(to: 1)
        var shownSaved: [String] = []
        for number in 1...8 {
            let text = "contribution \(number)" + String(repeating: " filling the file", count: 15)
            try tmux.submit(text)
            // The list shows it numbered once Enter was handled (the input box shows the
            // same words before that, beside the previous save's status).
            let screen = try tmux.wait("#\(number) in the list") { screen in
                screen.split(separator: "\n").contains { $0.contains("#\(number) ") && $0.contains(": contribution \(number) filling") }
            }
            if screen.contains("✓ saved") { shownSaved.append(text) } else { break }
        }
        let screen = try tmux.wait(for: "NOT SAVED")
        #expect(screen.contains("✗ NOT SAVED: File too large (write)"), "\(screen)")
        #expect(!shownSaved.isEmpty)
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 1, "leaving with records unsaved is a failure")
        let error = (try? String(contentsOfFile: tmux.path("stderr.txt"), encoding: .utf8)) ?? ""
        #expect(error.contains("could not be saved to \(log): File too large"), "\(error)")
        let saved = try LogReader.read(path: log).session.contributions.map(\.text)
        #expect(Array(saved.prefix(shownSaved.count)) == shownSaved, "every contribution shown saved is in the log")
    }

    @Test func aSecondCopyCannotWriteTheSameLog() throws {
        let first = try Tmux()
        defer { first.close() }
        let log = try first.startWorkshop()
        try first.next(to: 1)
        let pid = try first.programPID()
        for arguments in [["resume", log], ["run", "--log", log]] {
            let second = try Tmux()
            defer { second.close() }
            try second.start(try Tmux.binary(), arguments, standardError: second.path("stderr.txt"))
            #expect(try second.exitStatus() == 1)
            let error = (try? String(contentsOfFile: second.path("stderr.txt"), encoding: .utf8)) ?? ""
            if arguments[0] == "resume" {
                #expect(error.hasPrefix("sensemaking: \(log) is open in another sensemaking (PID \(pid) on "), "\(error)")
            } else {
                #expect(error == "sensemaking: \(log) already exists and is never overwritten; to continue that session: sensemaking resume \(log)\n")
            }
            #expect(try !second.alternateScreen())
        }
        try first.submit("the first copy goes on")
        #expect(fileContents(log, containing: "the first copy goes on").contains("the first copy goes on"))
    }

    /// kill -9 at a random moment while contributions are typed as fast as tmux sends them;
    /// then resume. Every contribution the screen showed is in the log, and at most one torn
    /// record was moved aside.
    @Test func killNineWhileTypingThenResume() throws {
        var random = SystemRandomNumberGenerator()
        let runs = 6
        var shownTotal = 0, tornTotal = 0
        for run in 0..<runs {
            let tmux = try Tmux()
            defer { tmux.close() }
            let log = try tmux.startWorkshop()
            try tmux.next(to: 1)
            let count = Int.random(in: 5...40, using: &random)
            for number in 1...count { try tmux.submit("kill run \(run) line \(number)") }
            usleep(UInt32.random(in: 0...150_000, using: &random))
            let pid = try tmux.programPID()
            let screen = try tmux.screen()
            kill(pid, SIGKILL)
            // The screen is left as it was (nothing can restore it after SIGKILL): wait for the process.
            #expect(Tmux.poll { kill(pid, 0) != 0 }, "run \(run): the program is gone")
            let shown = (1...count).map { "kill run \(run) line \($0)" }.filter { text in
                screen.split(separator: "\n").contains { $0.hasSuffix(text) }
            }
            shownTotal += shown.count

            let again = try Tmux()
            defer { again.close() }
            try again.start(try Tmux.binary(), ["resume", log])
            try again.wait(for: "Identity")
            try again.submit("/quit")
            #expect(try again.exitStatus() == 0)
            let contents = try LogReader.read(path: log)
            #expect(contents.torn == nil)
            let texts = contents.session.contributions.map(\.text)
            for text in shown { #expect(texts.contains(text), "run \(run): \(text) was shown and is lost") }
            #expect(texts == Array((1...count).map { "kill run \(run) line \($0)" }.prefix(texts.count)), "run \(run): in order")
            let torn = try FileManager.default.contentsOfDirectory(atPath: tmux.directory).filter { $0.contains(".torn-") }
            #expect(torn.count <= 1)
            tornTotal += torn.count
        }
        print("kill -9 in a typed session: \(runs) runs, \(shownTotal) contributions shown before the kill, all present after resume; \(tornTotal) torn records moved aside")
    }

    @Test func aTwentyByFiveTerminalSaysSoAndRecovers() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        try tmux.start(try Tmux.binary(), ["run", "--log", tmux.path("session.md")], width: 20, height: 5)
        let small = try tmux.wait(for: "least 60×16")
        #expect(small.contains("20×5") || small.contains("20x5"), "\(small)")
        try tmux.resize(width: 80, height: 24)
        try tmux.wait(for: "Welcome")
        try tmux.submit("/quit")
        let (status, alternate, modes) = try tmux.exitAndRestored()
        #expect(status == 0 && !alternate && modes.isSuperset(of: ["icanon", "echo", "isig"]))
    }

    @Test func rapidResizesKeepTheSessionAndItsText() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.type("typed while resizing")
        var random = SystemRandomNumberGenerator()
        for _ in 0..<60 {
            try tmux.resize(width: Int.random(in: 10...200, using: &random), height: Int.random(in: 3...60, using: &random))
        }
        try tmux.resize(width: 80, height: 24)
        // A frame drawn for an earlier, smaller size can show the text before the last
        // resize is drawn: wait for the whole 80×24 screen.
        _ = try tmux.wait("the 80×24 screen with the typed text") {
            $0.contains("typed while resizing") && $0.contains("Stage 1 of 7")
        }
        try tmux.press("Enter")
        #expect(fileContents(log, containing: "typed while resizing").contains("typed while resizing"))
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
    }

    /// Only one of standard input and output a terminal: refused in one line, nothing drawn.
    @Test(arguments: ["</dev/null", ">/dev/null"])
    func halfATerminalIsRefused(_ redirect: String) throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        try tmux.start("sh", ["-c", "exec \"$0\" \"$@\" \(redirect)", try Tmux.binary(), "run", "--log", tmux.path("session.md")],
                       standardError: tmux.path("stderr.txt"))
        let (status, alternate, modes) = try tmux.exitAndRestored()
        #expect(status == 2)
        #expect(!alternate && modes.isSuperset(of: ["icanon", "echo", "isig"]))
        let error = (try? String(contentsOfFile: tmux.path("stderr.txt"), encoding: .utf8)) ?? ""
        #expect(error.hasPrefix("sensemaking: ") && error.contains("terminal") && error.filter { $0 == "\n" }.count == 1, "\(error)")
        #expect(!FileManager.default.fileExists(atPath: tmux.path("session.md")))
    }
}
