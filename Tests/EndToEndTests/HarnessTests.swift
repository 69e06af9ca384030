import Foundation
import Testing

/// The harness itself, on a program that is always there (`cat`): if these fail, the
/// end-to-end tests' failures say nothing about sensemaking.
@Suite struct HarnessTests {
    @Test func typesWaitsAndReadsTheExitStatus() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        try tmux.start("cat")
        _ = try tmux.programPID()
        try tmux.type("héllo 日本語")
        try tmux.press("Enter")
        // cat echoes the line back: the typed line and its copy.
        try tmux.wait("the line twice") { $0.components(separatedBy: "héllo 日本語").count == 3 }
        try tmux.press("C-d")
        #expect(try tmux.exitStatus() == 0)
        let modes = try tmux.terminalModes()
        #expect(modes.contains("icanon"))
        #expect(modes.contains("echo"))
        #expect(try tmux.query("#{pane_width}x#{pane_height}") == "80x24")
    }

    @Test func reportsAStatusFromASignal() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        try tmux.start("cat", width: 40, height: 10)
        try tmux.signal(SIGTERM)
        #expect(try tmux.exitStatus() == 128 + SIGTERM)
        #expect(try tmux.query("#{pane_width}x#{pane_height}") == "40x10")
    }

    @Test func timesOutWithTheScreen() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        try tmux.start("cat")
        try tmux.type("visible")
        do {
            try tmux.wait(for: "never shown", seconds: 0.3)
            Issue.record("the wait should have timed out")
        } catch let timeout as Tmux.Timeout {
            #expect(timeout.screen.contains("visible"))
        }
    }
}
