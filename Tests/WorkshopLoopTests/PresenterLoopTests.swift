import Foundation
import JournalTestSupport
import SensemakingCore
import SessionLog
import TerminalPort
import TerminalUI
import Testing
import WorkshopLoop

/// The presenter page's commands reach the loop through the inbox, as a device's do.
@Suite struct PresenterLoopTests {
    @Test("A presenter's note is on disk, answered by key, and on no frame; its /next moves the frame")
    func presenterCommandsThroughTheLoop() throws {
        let io = MemoryFileIO()
        let journal = try Journal.create(path: LoopTests.path, header: LoopTests.header, io: io, now: LoopTests.started)
        let terminal = ScriptedTerminal(script: ScriptedTerminal.keys("/next\rhalf"))
        terminal.whenDone = ScriptedTerminal.waitForPosts
        let inbox = terminal.inbox
        let workshop = LoopTests.workshop(terminal, journal)
        var published: [AppState] = []
        workshop.published = { published.append($0) }
        let poster = Thread {
            for action in [Action.presenter(line: "/note Zanzibar is fragile", key: "k1"), .presenter(line: "/next", key: "k2"),
                           .terminate] {
                inbox.post(action)
            }
        }
        poster.start()
        #expect(workshop.run() == .quit)

        let log = LoopTests.text(io.contents(LoopTests.path))
        #expect(log.components(separatedBy: "Zanzibar is fragile").count == 2, "the note is in the log once")
        #expect(!terminal.drawn.contains { $0.frame.text.contains("Zanzibar") }, "on no frame drawn")
        #expect(terminal.drawn.contains { $0.frame.text.contains("Stage 2 of 7") })
        #expect(workshop.state.input.text == "half", "the facilitator's half-typed line stays in the box")
        // Each answer was published with the journal saying saved.
        let answered = try #require(published.first { $0.presenterAnswers["k1"] != nil })
        #expect(answered.save == .saved)
        #expect(answered.session.contributions.contains { $0.kind == .note && $0.text == "Zanzibar is fragile" })
        #expect(published.last?.presenterAnswers["k2"] != nil)
    }
}
