import Foundation
import Testing
@testable import SensemakingCore

/// A command from the presenter page goes through `reduce` as the keyboard's Enter does, and
/// is answered to the page by its key.
@Suite struct PresenterActionTests {
    func inIdentity() -> Room {
        var room = Room()
        room.type("/next")
        return room
    }

    @Test func nextFromThePageIsTheKeyboardsNext() {
        var keyboard = inIdentity(), page = inIdentity()
        let typed = keyboard.type("/next")
        let sent = page.send(.presenter(line: "/next", key: "p1"))
        #expect(sent == typed)
        #expect(page.session == keyboard.session)
        #expect(page.session.stage.element == .retrospection)
        #expect(page.state.presenterAnswers["p1"] == keyboard.message ?? .info("Done."))
    }

    @Test func theInputBoxIsLeftAlone() {
        var room = inIdentity()
        for character in "half a sentence" { room.key(.character(character)) }
        room.send(.presenter(line: "/timer +1", key: "p1"))
        #expect(room.input == "half a sentence")
        #expect(room.session.timebox.budget == 11 * 60)
    }

    @Test func aNoteIsJournaledAsANoteAndTheRoomSeesOnlyThatOneWasKept() {
        var room = inIdentity()
        let effects = room.send(.presenter(line: "/note Chi is quiet", key: "p1"))
        let note = Contribution(id: 1, author: nil, stage: StageIndex.identity, kind: .note, text: "Chi is quiet", time: t0)
        #expect(effects == [.append(Record(time: t0, event: .contributed(note, advancesTurn: false)))])
        #expect(room.message?.text.contains("Chi is quiet") == false)
        #expect(room.state.presenterAnswers["p1"] == room.message)
    }

    @Test func timerTurnPassUndoAndKind() {
        var room = inIdentity()
        room.type("Nurse")
        room.send(.presenter(line: "/timer pause", key: "a"))
        #expect(room.session.timebox.paused)
        room.send(.presenter(line: "/timer resume", key: "b"))
        #expect(!room.session.timebox.paused)
        room.send(.presenter(line: "/timer -1", key: "c"))
        #expect(room.session.timebox.budget == 9 * 60)
        room.send(.presenter(line: "/turn Chi", key: "d"))
        #expect(room.session.turnHolder == "Chi")
        room.send(.presenter(line: "/pass", key: "e"))
        #expect(room.session.turnHolder == "Ana")
        room.send(.presenter(line: "/kind 1 observation", key: "f"))
        #expect(room.session.contribution(1)?.kind == .observation)
        room.send(.presenter(line: "/undo 1", key: "g"))
        #expect(room.session.contribution(1)?.retracted == true)
        room.send(.presenter(line: "/back", key: "h"))
        #expect(room.session.stage == .welcome)
        #expect(Set(room.state.presenterAnswers.keys) == ["a", "b", "c", "d", "e", "f", "g", "h"])
        #expect(room.replayed == room.session.asJournaled)
    }

    @Test func aRefusalGoesToThePageOnlyWithoutABell() {
        var room = inIdentity()
        room.type("Nurse")
        let shown = room.message
        let effects = room.send(.presenter(line: "/kind 9 story", key: "p1"))
        #expect(effects.isEmpty)
        #expect(room.message == shown)
        guard case .error = room.state.presenterAnswers["p1"] else {
            Issue.record("expected an error answer")
            return
        }
    }

    @Test func commandsThatLeaveOrWriteFilesStayAtTheKeyboard() {
        for line in ["/quit", "/end", "/saveas /tmp/x.md", "/export", "/help", "/qr", "Nurse", "@Ana hello", "//next", "/presenter"] {
            var room = inIdentity()
            let before = room.state
            let effects = room.send(.presenter(line: line, key: "p1"))
            #expect(effects.isEmpty, "\(line)")
            var expected = before
            expected.presenterAnswers["p1"] = .error("The presenter page sends its own commands only.")
            #expect(room.state == expected, "\(line)")
        }
    }

    @Test func slashPresenterShowsTheLinkOnlyWhenServed() {
        var room = inIdentity()
        room.type("/presenter")
        guard case .error = room.message else {
            Issue.record("expected an error without a presenter page")
            return
        }
        room.key(.clearInput)
        room.state.presenterLink = "http://127.0.0.1:40000/presenter/s/SECRET"
        room.type("/presenter")
        #expect(room.message == .info("Presenter: http://127.0.0.1:40000/presenter/s/SECRET"))
        #expect(!room.records.contains { "\($0)".contains("SECRET") }, "never journaled")
    }
}
