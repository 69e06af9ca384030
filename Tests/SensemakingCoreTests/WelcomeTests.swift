import Foundation
import Testing
@testable import SensemakingCore

@Suite("Welcome: who is here")
struct WelcomeTests {
    @Test func theSessionOpensOnWelcomeWithTheParticipantsGiven() {
        let room = Room(["Ana", "Ben"])
        #expect(room.session.current == 0)
        #expect(room.session.stage == .welcome)
        #expect(room.session.roster == ["Ana", "Ben"])
        #expect(room.session.turn == 0)
        #expect(room.session.everyone == ["Ana", "Ben"])
        #expect(room.session.stages.count == 9)
        #expect(room.session.stage.captures == nil)
    }

    @Test func eachLineTypedAddsAName() {
        var room = Room([])
        #expect(room.session.turn == nil)
        let effects = room.type("Ana")
        #expect(effects == [write(.joined("Ana"))])
        #expect(room.session.roster == ["Ana"])
        #expect(room.session.turn == 0)
        #expect(room.message == .info("Welcome, Ana. Type more names, or /next to begin."))
        #expect(room.input == "")
        #expect(room.session.contributions.isEmpty)

        #expect(room.type("Ben") == [write(.joined("Ben"))])
        #expect(room.session.roster == ["Ana", "Ben"])
        #expect(room.session.turn == 0)
        room.expectReplayMatches()
    }

    @Test func namesTypedAreAddedToThoseFromTheCommandLine() {
        var room = Room(["Ana"])
        #expect(room.type("Ben") == [write(.joined("Ben"))])
        #expect(room.session.roster == ["Ana", "Ben"])
        #expect(room.session.turnHolder == "Ana")
    }

    @Test func commasAndLineBreaksSeparateSeveralNames() {
        var room = Room([])
        let effects = room.type("Ben, Chi ,  Dee")
        #expect(effects == [write(.joined("Ben")), write(.joined("Chi")), write(.joined("Dee"))])
        #expect(room.message == .info("Welcome, Ben, Chi, Dee. Type more names, or /next to begin."))

        room.paste("Eve\r\nFay\n")
        #expect(room.key(.enter) == [write(.joined("Eve")), write(.joined("Fay"))])
        #expect(room.session.roster == ["Ben", "Chi", "Dee", "Eve", "Fay"])
        room.expectReplayMatches()
    }

    @Test func emptyPartsBetweenCommasAreSkipped() {
        var room = Room([])
        #expect(room.type("Ana, , Ben,") == [write(.joined("Ana")), write(.joined("Ben"))])
        #expect(room.session.roster == ["Ana", "Ben"])
    }

    @Test func onlyCommasIsAnError() {
        var room = Room([])
        #expect(room.type(" , ,") == [.bell])
        #expect(room.message == .error("A name cannot be empty."))
        #expect(room.input == " , ,")
        #expect(room.session.roster.isEmpty)
    }

    @Test func aNameAlreadyHereAddsNoneOfTheLine() {
        var room = Room(["Ana"])
        #expect(room.type("Ben, ana") == [.bell])
        #expect(room.message == .error("ana is already here."))
        #expect(room.input == "Ben, ana")
        #expect(room.session.roster == ["Ana"])
        #expect(room.records.isEmpty)
    }

    @Test func theSameNameTwiceInOneLineIsRefused() {
        var room = Room([])
        #expect(room.type("Ana, ANA") == [.bell])
        #expect(room.message == .error("ANA is already here."))
        #expect(room.session.roster.isEmpty)
    }

    @Test func aNameCannotStartWithACommandSign() {
        var room = Room([])
        #expect(room.type("//Ana") == [.bell])
        #expect(room.message == .error("A name cannot start with / or @."))
        #expect(room.input == "//Ana")
        #expect(room.type("") == [.bell])  // Enter again: the same line, the same refusal
        #expect(room.session.roster.isEmpty)
    }

    @Test func aMentionInWelcomeIsNotAName() {
        var room = Room([])
        #expect(room.type("@Ana") == [.bell])
        #expect(room.message == .error("No one called Ana is here: /join Ana adds them."))
        #expect(room.session.roster.isEmpty)
    }

    @Test func anOverLongNameIsRefusedWithItsLength() {
        var room = Room([])
        let name = String(repeating: "n", count: 41)
        #expect(room.type(name) == [.bell])
        #expect(room.message == .error("A name is 41 characters long; the most is 40."))
        #expect(room.input == name)
        #expect(room.session.roster.isEmpty)
    }

    @Test func namesAreSanitized() {
        var room = Room([])
        room.paste("\u{202E}Ana\u{1B}[31m\u{200B}")
        #expect(room.key(.enter) == [write(.joined("Ana[31m"))])
        #expect(room.session.roster == ["Ana[31m"])
    }

    @Test func nextBeginsWithIdentity() {
        var room = Room(["Ana"])
        #expect(room.type("/next") == [write(.stageEntered(1))])
        #expect(room.session.current == 1)
        #expect(room.session.stage.element == .identity)
        #expect(room.session.stage.name == "Identity")
        #expect(room.session.stage.prompts == Element.identity.defaultPrompts)
        #expect(room.message == nil)
        #expect(room.input == "")
    }
}
