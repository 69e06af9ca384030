import Foundation
import Testing
@testable import SensemakingCore

@Suite("Help, export, save, end, quit and command errors")
struct SessionCommandTests {
    @Test func helpOpensAScreenThatAnyKeyOnlyCloses() {
        var room = Room()
        #expect(room.type("/help") == [])
        #expect(room.state.showHelp)
        #expect(room.input == "")
        #expect(room.key(.character("x")) == [])
        #expect(!room.state.showHelp)
        #expect(room.input == "")
        #expect(room.key(.help) == [])                  // F1
        #expect(room.state.showHelp)
        #expect(room.key(.enter) == [])                 // closes; submits nothing
        #expect(!room.state.showHelp)
        #expect(room.records.isEmpty)
    }

    @Test func helpListsEveryCommandOfTheContract() {
        let names = ["next", "back", "goto", "pass", "turn", "join", "leave", "note", "as", "when", "owner",
                     "dots", "undo", "edit", "timer", "help", "export", "saveas", "cue", "end", "quit",
                     "kind", "move"]
        // The contract's commands, and those this project added (follow-up review, /mind,
        // /qr, /devices, /remove and /floor for devices joining, /reveal for hidden dots,
        // /presenter for the presenter page).
        #expect(Set(CommandParser.names) == Set(names + ["mind", "mark", "qr", "devices", "remove", "reveal", "floor", "presenter"]))
        #expect(CommandParser.names.count == names.count + 8)
        #expect(CommandParser.usage.allSatisfy { $0.usage.hasPrefix("/" + $0.name) })
    }

    @Test func exportAsksTheFrontEndToWriteTheReport() {
        var room = Room()
        #expect(room.type("/export") == [.export])
        #expect(room.input == "")
        #expect(room.message == nil)
        #expect(room.send(.notice(.info("Report: test-report.md"))) == [])
        #expect(room.message == .info("Report: test-report.md"))
    }

    @Test func saveAsIsForAfterAWriteFailure() {
        var room = Room()
        #expect(room.type("/saveas elsewhere.md") == [.bell])
        #expect(room.message == .error("The log is saving; /saveas is for after a write failure."))
        #expect(room.input == "/saveas elsewhere.md")

        #expect(room.send(.journal(.notSaved(reason: "No space left on device", pending: 2))) == [])
        #expect(room.state.save == .notSaved(reason: "No space left on device", pending: 2))
        #expect(room.key(.enter) == [.saveAs("elsewhere.md")])
        #expect(room.input == "")
        room.send(.journal(.saved))
        #expect(room.state.save == .saved)
    }

    @Test func saveAsNeedsAPath() {
        var room = Room()
        room.send(.journal(.notSaved(reason: "Read-only file system", pending: 1)))
        #expect(room.type("/saveas") == [.bell])
        #expect(room.message == .error("/saveas needs a path: /saveas PATH"))
    }

    @Test func endClosesTheSessionAndExits() {
        var room = Room()
        room.type("/goto close")
        room.type("Hopeful")
        #expect(room.type("/end") == [])                  // asks once: Ben and Chi said nothing
        #expect(room.message == .info("Ben and Chi have not spoken: Enter again closes."))
        #expect(room.input == "/end")
        #expect(!room.session.ended)
        #expect(room.key(.enter) == [write(.ended), .exit(.end)])
        #expect(room.session.ended)
        #expect(!room.session.timebox.running)
        room.expectReplayMatches()
    }

    @Test func quitLeavesNowForResume() {
        var room = Room()
        #expect(room.type("/quit") == [write(.suspended), .exit(.quit)])
        #expect(room.session.suspended)
        #expect(!room.session.ended)
    }

    @Test func aSignalQuitsAsQuitDoes() {
        var room = Room()
        #expect(room.send(.terminate) == [write(.suspended), .exit(.quit)])
        #expect(room.session.suspended)
    }

    @Test func bareCommandsTakeNothingAfterThem() {
        for name in ["next", "back", "pass", "help", "export", "end", "quit"] {
            var room = Room()
            #expect(room.type("/\(name) now") == [.bell])
            #expect(room.message == .error("/\(name) takes nothing after it: /\(name)"))
            #expect(room.input == "/\(name) now")
            #expect(room.records.isEmpty)
        }
    }

    @Test func commandNamesIgnoreCase() {
        var room = Room()
        #expect(room.type("/NeXt") == [write(.stageEntered(1))])
    }

    @Test func ctrlCTwiceQuits() {
        var room = Room()
        #expect(room.key(.interrupt) == [])
        #expect(room.state.quitArmed)
        #expect(room.message == .info("Press Ctrl-C again to leave. Everything is saved; `sensemaking resume` continues."))
        #expect(room.key(.interrupt) == [write(.suspended), .exit(.quit)])
        #expect(room.session.suspended)
    }

    /// Below the minimum size the screen cannot be read: Enter keeps the line in the box
    /// and says so, and sends it once the screen is back.
    @Test func enterIsHeldWhileTheScreenIsTooSmall() {
        var room = Room()
        room.type("/next")
        #expect(room.send(.screen(tooSmall: true)) == [])
        for character in "blind" { room.key(.character(character)) }
        #expect(room.key(.enter) == [])
        #expect(room.state.input.text == "blind")
        #expect(room.message == .info("Nothing was sent while the window was too small to read: the text waits here; press Enter to send it."))
        room.send(.screen(tooSmall: false))
        #expect(room.key(.enter).count == 1)
        #expect(room.state.input.text.isEmpty)
        #expect(room.session.contributions.last?.text == "blind")
    }

    @Test func anyOtherKeyBetweenTwoCtrlCsDisarmsIt() {
        var room = Room()
        room.key(.interrupt)
        room.key(.character("a"))
        #expect(!room.state.quitArmed)
        #expect(room.key(.interrupt) == [])
        #expect(room.state.quitArmed)
        room.paste("b")
        #expect(!room.state.quitArmed)
        #expect(room.key(.interrupt) == [])
        room.tick(1)                                    // the clock does not disarm it
        #expect(room.key(.interrupt) == [write(.suspended, at: 1), .exit(.quit)])
    }

    @Test func escapeClearsTheMessage() {
        var room = Room()
        room.type("/nxt")
        #expect(room.message != nil)
        #expect(room.key(.escape) == [])
        #expect(room.message == nil)
        #expect(room.input == "/nxt")
    }

    // MARK: Unknown and malformed commands

    @Test func anUnknownCommandSuggestsTheClosestAndKeepsTheText() {
        var room = Room()
        room.type("/next")
        let cases: [(String, String)] = [
            ("/nxt", "Unknown command /nxt: did you mean /next?"),
            ("/NXT", "Unknown command /NXT: did you mean /next?"),
            ("/bakc", "Unknown command /bakc: did you mean /back?"),
            ("/und", "Unknown command /und: did you mean /undo?"),
            ("/tim 5", "Unknown command /tim: did you mean /timer?"),
            ("/exprot", "Unknown command /exprot: did you mean /export?"),
            ("/qiut", "Unknown command /qiut: did you mean /quit?"),
            ("/save as.md", "Unknown command /save: did you mean /saveas?"),
            ("/xyzzy", "Unknown command /xyzzy. /help lists the commands."),
            ("/due Friday", "Unknown command /due: a due date goes with the owner, in Enactment: /owner NAME by DUE."),
            ("/Deadline 15 Jan", "Unknown command /Deadline: a due date goes with the owner, in Enactment: /owner NAME by DUE."),
            ("/", "Type a command after /, or // to start a line with /. /help lists them."),
            ("/ next", "Type a command after /, or // to start a line with /. /help lists them."),
        ]
        for (line, message) in cases {
            room.key(.clearInput)
            #expect(room.type(line) == [.bell], "\(line)")
            #expect(room.message == .error(message), "\(line)")
            #expect(room.input == line, "\(line)")
        }
        #expect(room.records == [Record(time: t0, event: .stageEntered(1))])
        #expect(room.session.contributions.isEmpty)
    }

    @Test func anErrorKeepsTheTextSoItCanBeCorrected() {
        var room = Room()
        room.type("/nxt")
        room.key(.home)
        room.key(.right)
        room.key(.right)
        room.key(.character("e"))
        #expect(room.input == "/next")
        #expect(room.key(.enter) == [write(.stageEntered(1))])
        #expect(room.message == nil)
        #expect(room.input == "")
    }
}
