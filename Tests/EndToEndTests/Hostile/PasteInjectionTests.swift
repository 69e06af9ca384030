import Foundation
import SessionLog
import Testing

/// A paste that carries bracketed paste's own end marker. A terminal should drop it from
/// pasted text; tmux 3.3 passes it through, so without care the rest of the paste would
/// arrive as keys: Enter submitting, `/quit` quitting.
@Suite struct PasteInjectionTests {
    @Test func anEndMarkerInsideAPasteDoesNotTurnTheRestIntoKeys() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.paste("first\u{1B}[201~\r/quit\rthen typed\u{1B}[200~more")
        try tmux.type("MARK")
        let screen = try tmux.wait(for: "MARK")
        #expect(try tmux.alternateScreen(), "still running")
        #expect(screen.contains("/quit"), "the rest is in the box as text:\n\(screen)")
        #expect(try LogReader.read(path: log).session.contributions.isEmpty, "nothing was submitted")

        try tmux.press("Enter")
        let written = fileContents(log, containing: "MARK")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
        let texts = try LogReader.read(path: log).session.contributions.map(\.text)
        #expect(texts.count == 1, "one contribution: \(texts)")
        #expect(texts.first?.contains("/quit") == true && texts.first?.hasSuffix("moreMARK") == true, "\(texts)")
        #expect(written.contains("first"))
    }
}
