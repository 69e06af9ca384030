import Foundation
import Testing
@testable import SensemakingCore

@Suite("Joining several, @NAME:, the timer's floor and a one-character paste")
struct SmallFixesTests {
    @Test func joinTakesSeveralNamesAsWelcomeDoes() {
        var room = Room()
        room.type("/next")
        let effects = room.type("/join Dee, Eve")
        #expect(effects == [write(.joined("Dee")), write(.joined("Eve"))])
        #expect(room.message == .info("Dee, Eve joined."))
        #expect(room.session.roster == ["Ana", "Ben", "Chi", "Dee", "Eve"])
        #expect(room.type("/join Eve") == [.bell])
        #expect(room.message == .error("Eve is already here."))
    }

    @Test func aMentionMayHaveAColonAfterTheName() {
        var room = Room()
        room.type("/next")
        let effects = room.type("@Ben: the council pays")
        #expect(effects == [write(.contributed(item(1, "Ben", stage: 1, .identity, "the council pays"), advancesTurn: false))])
        #expect(room.type("@Ben:") == [.bell])
        #expect(room.message == .error("@Ben needs some text after the name."))
    }

    @Test func timerMinusStopsAtNoTimeLeft() {
        var room = Room()
        room.type("/next")                 // Identity: 10 minutes
        room.tick(7 * 60)                  // 3 left
        #expect(room.type("/timer -5") == [write(.timer(.adjust(seconds: -180)), at: 7 * 60)])
        #expect(room.session.timebox.remaining(at: t0 + 7 * 60) == 0)
        #expect(room.type("/timer -1") == [])
        #expect(room.message == .info("No time is left to take off."))
    }

    @Test func aPasteOneCharacterTooLongSaysOneCharacter() {
        var room = Room()
        room.paste(String(repeating: "x", count: InputBox.capacity + 1))
        #expect(room.message == .error("The paste was too long: 1 character was left out."))
    }
}
