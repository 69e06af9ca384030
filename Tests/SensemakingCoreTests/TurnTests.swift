import Foundation
import Testing
@testable import SensemakingCore

@Suite("Turns, joins and leaves")
struct TurnTests {
    /// Ana, Ben, Chi, Dee in Identity, with the turn given to `holder`.
    func room(turnAt holder: String) -> Room {
        var room = Room(["Ana", "Ben", "Chi", "Dee"])
        room.type("/next")
        if holder != "Ana" { room.type("/turn \(holder)") }
        #expect(room.session.turnHolder == holder)
        return room
    }

    @Test func enterPassesTheTurnOnAndWrapsAround() {
        var room = Room(["Ana", "Ben"])
        room.type("/next")
        #expect(room.type("First") == [write(.contributed(item(1, "Ana", stage: 1, .identity, "First"), advancesTurn: true))])
        #expect(room.session.turnHolder == "Ben")
        #expect(room.type("Second") == [write(.contributed(item(2, "Ben", stage: 1, .identity, "Second"), advancesTurn: true))])
        #expect(room.session.turnHolder == "Ana")
        #expect(room.session.turn == 0)
        room.expectReplayMatches()
    }

    @Test func passMovesTheTurnOn() {
        var room = room(turnAt: "Dee")
        #expect(room.type("/pass") == [write(.passed("Dee"))])
        #expect(room.session.turnHolder == "Ana")
        #expect(room.session.contributions.isEmpty)
        #expect(room.message == nil)
        room.expectReplayMatches()
    }

    @Test func passWithNoOneHereIsAnError() {
        var room = Room([])
        #expect(room.type("/pass") == [.bell])
        #expect(room.message == .error("No one is here yet: /join NAME adds a participant."))
        #expect(room.input == "/pass")
    }

    @Test func turnGivesTheTurnByNameInAnyCase() {
        var room = Room(["Ana", "Ben", "Chi"])
        #expect(room.type("/turn chi") == [write(.turnGiven("Chi"))])
        #expect(room.session.turn == 2)
        #expect(room.input == "")
    }

    @Test func turnToAMisspeltNameSuggestsTheClosest() {
        var room = Room(["Ana", "Ben", "Chi"])
        #expect(room.type("/turn Bne") == [.bell])
        #expect(room.message == .error("No one called Bne is here: did you mean Ben?"))
        #expect(room.input == "/turn Bne")
        #expect(room.session.turn == 0)
    }

    @Test func turnToAStrangerListsWhoIsHere() {
        var room = Room(["Ana", "Ben", "Chi"])
        #expect(room.type("/turn Zachary") == [.bell])
        #expect(room.message == .error("No one called Zachary is here. Here: Ana, Ben, Chi."))
    }

    @Test func turnNeedsAName() {
        var room = Room(["Ana"])
        #expect(room.type("/turn") == [.bell])
        #expect(room.message == .error("/turn needs a name: /turn NAME"))
    }

    @Test func mentionIsAContributionOutOfTurn() {
        var room = Room(["Ana", "Ben", "Chi"])
        room.type("/next")
        let effects = room.type("@chi   I work in a hospice")
        #expect(effects == [write(.contributed(item(1, "Chi", stage: 1, .identity, "I work in a hospice"), advancesTurn: false))])
        #expect(room.session.turnHolder == "Ana")
        room.expectReplayMatches()
    }

    @Test func mentionPicksTheLongestNameOnTheRoster() {
        var room = Room(["Ana", "Ana Maria"])
        room.type("/next")
        #expect(room.type("@Ana Maria hello") == [write(.contributed(item(1, "Ana Maria", stage: 1, .identity, "hello"), advancesTurn: false))])
        #expect(room.type("@Ana Marianne") == [write(.contributed(item(2, "Ana", stage: 1, .identity, "Marianne"), advancesTurn: false))])
    }

    @Test func mentionOfTheTurnHolderLeavesTheTurnWithThem() {
        var room = Room(["Ana", "Ben"])
        room.type("/next")
        room.type("@Ana aside")
        #expect(room.session.turnHolder == "Ana")
    }

    @Test func mentionOfAStrangerOrWithoutTextIsAnError() {
        var room = Room(["Ana"])
        room.type("/next")
        #expect(room.type("@Zed hello") == [.bell])
        #expect(room.message == .error("No one called Zed is here: /join Zed adds them."))
        #expect(room.input == "@Zed hello")
        room.key(.clearInput)
        #expect(room.type("@Ana   ") == [.bell])
        #expect(room.message == .error("@Ana needs some text after the name."))
        #expect(room.session.contributions.isEmpty)
    }

    @Test func joinAddsAtTheEndOfTheRound() {
        var room = room(turnAt: "Dee")
        #expect(room.type("/join Eve") == [write(.joined("Eve"))])
        #expect(room.message == .info("Eve joined."))
        #expect(room.session.roster == ["Ana", "Ben", "Chi", "Dee", "Eve"])
        #expect(room.session.turnHolder == "Dee")
        room.type("Mine")
        #expect(room.session.turnHolder == "Eve")
        room.expectReplayMatches()
    }

    @Test func joinRefusesSomeoneAlreadyHereAndBadNames() {
        var room = Room(["Ana"])
        #expect(room.type("/join ANA") == [.bell])
        #expect(room.message == .error("ANA is already here."))
        room.key(.clearInput)
        #expect(room.type("/join @Ben") == [.bell])
        #expect(room.message == .error("A name cannot start with / or @."))
        room.key(.clearInput)
        #expect(room.type("/join") == [.bell])
        #expect(room.message == .error("/join needs a name: /join NAME"))
        #expect(room.session.roster == ["Ana"])
    }

    @Test func aLeaverBeforeTheTurnKeepsTheTurnWithTheSamePerson() {
        var room = room(turnAt: "Chi")
        #expect(room.type("/leave ana") == [write(.left("Ana"))])
        #expect(room.message == .info("Ana left; they said nothing, so the report will not list them."))
        #expect(room.session.roster == ["Ben", "Chi", "Dee"])
        #expect(room.session.turn == 1)
        #expect(room.session.turnHolder == "Chi")
        room.expectReplayMatches()
    }

    @Test func aLeaverWhoseTurnItIsPassesItToTheNext() {
        var room = room(turnAt: "Ben")
        room.type("/leave Ben")
        #expect(room.session.roster == ["Ana", "Chi", "Dee"])
        #expect(room.session.turnHolder == "Chi")
        room.expectReplayMatches()
    }

    @Test func aLeaverAfterTheTurnChangesNothingForTheTurn() {
        var room = room(turnAt: "Ben")
        room.type("/leave Dee")
        #expect(room.session.roster == ["Ana", "Ben", "Chi"])
        #expect(room.session.turnHolder == "Ben")
        #expect(room.session.turn == 1)
    }

    @Test func theLastInTheRoundLeavingOnTheirTurnWrapsToTheFirst() {
        var room = room(turnAt: "Dee")
        room.type("/leave Dee")
        #expect(room.session.roster == ["Ana", "Ben", "Chi"])
        #expect(room.session.turn == 0)
        #expect(room.session.turnHolder == "Ana")
    }

    @Test func theLastParticipantLeavingLeavesNoTurnUntilSomeoneJoins() {
        var room = Room(["Ana"])
        room.type("/next")
        room.type("/leave Ana")
        #expect(room.session.roster.isEmpty)
        #expect(room.session.turn == nil)
        #expect(room.session.turnHolder == nil)
        #expect(room.session.everyone == [])               // she said nothing: not on the report

        // The room speaks as a whole: no author, and no turn to pass.
        #expect(room.type("We all agree") == [write(.contributed(item(1, nil, stage: 1, .identity, "We all agree"), advancesTurn: false))])
        #expect(room.session.turn == nil)

        #expect(room.type("/join Ben") == [write(.joined("Ben"))])
        #expect(room.session.turn == 0)
        #expect(room.session.turnHolder == "Ben")
        room.expectReplayMatches()
    }

    @Test func everyoneLeavingOneByOne() {
        var room = room(turnAt: "Chi")
        let steps: [(leaver: String, holder: String?)] = [("Chi", "Dee"), ("Ana", "Dee"), ("Dee", "Ben"), ("Ben", nil)]
        for (name, holder) in steps {
            room.type("/leave \(name)")
            #expect(room.session.turnHolder == holder, "after \(name) left")
        }
        #expect(room.session.roster.isEmpty)
        #expect(room.session.turn == nil)
        #expect(room.type("/leave Ana") == [.bell])
        #expect(room.message == .error("No one is here yet: /join NAME adds a participant."))
        room.expectReplayMatches()
    }

    @Test func leavingAndComingBackKeepsEveryoneOnce() {
        var room = Room(["Ana", "Ben"])
        room.type("/next")
        room.type("Hello")                                 // Ana has spoken: she stays on the report
        room.type("/leave Ana")
        room.type("/join Ana")
        #expect(room.session.roster == ["Ben", "Ana"])
        #expect(room.session.everyone == ["Ana", "Ben"])
        #expect(room.session.turnHolder == "Ben")
    }

    @Test func leaveOfAStrangerSuggests() {
        var room = Room(["Ana", "Ben"])
        #expect(room.type("/leave Anna") == [.bell])
        #expect(room.message == .error("No one called Anna is here: did you mean Ana?"))
        #expect(room.session.roster == ["Ana", "Ben"])
    }
}
