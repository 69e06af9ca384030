import Foundation
import Testing
@testable import SensemakingCore

/// Hidden dots: until everyone here has placed all theirs, or `/reveal`, the room sees who has
/// voted, never how; the reveal is journaled and replays.
@Suite struct RevealTests {
    /// Three stories (ids 1, 2, 3), then Plausibility with the turn at Ana; three dots each.
    func board(anonymous: Bool = false) -> Room {
        var room = Room(plan: plan(Element.allCases, dots: 3), anonymous: anonymous)
        room.type("/goto social")
        room.type("Night shift")
        room.type("The bridge")
        room.type("Two teams")
        room.type("/goto plausibility")
        return room
    }

    @Test func dotsStayHiddenUntilTheLastOfEveryonesDotsIsPlaced() {
        var room = board()
        room.type("/dots 1 1 2")
        room.type("/dots 3")
        #expect(!room.session.revealed)
        #expect(room.session.voted == ["Ana", "Ben"])
        #expect(!room.session.everyoneHasPlacedAllDots, "Ben has placed one of his three")
        room.type("/dots 3 3")
        #expect(room.session.voted == ["Ana", "Ben"])
        // Chi places the last of the room's dots: placed, then revealed, in one step.
        let effects = room.type("/dots 2 2 2")
        #expect(effects == [write(.dotsPlaced(participant: "Chi", stories: [2, 2, 2], advancesTurn: true)), write(.revealed)])
        #expect(room.session.revealed)
        #expect(room.message == .info("Chi's dots placed: everyone has voted, the dots are shown."))
        #expect(room.session.dotTotals == [1: 2, 2: 4, 3: 3])
        room.expectReplayMatches()
    }

    /// A vote left part-way is not done: the reveal and the banner ask the same question.
    @Test func aPartVoteThatPassedStillHasDotsToPlace() {
        var room = board()
        room.type("/turn Ben")
        room.type("/dots 2")
        room.type("/pass")
        room.type("/dots 1 1 1")
        room.type("/dots 3 3 3")
        #expect(room.session.voted == ["Ana", "Ben", "Chi"])
        #expect(room.session.yetToPlaceDots == ["Ben"])
        #expect(!room.session.hasPlacedAllDots("Ben"))
        #expect(room.session.hasPlacedAllDots("Chi"))
        #expect(!room.session.everyoneHasPlacedAllDots)
        #expect(!room.session.revealed)
        #expect(board(anonymous: true).session.yetToPlaceDots == [], "an anonymous session's dots carry no name")
    }

    /// What the banner asks of the turn holder: what is left of an open vote, nothing once
    /// all are placed (from a device too), nothing after the reveal or outside Plausibility.
    @Test func theTurnHolderIsAskedOnlyForDotsStillToPlace() {
        var room = board()
        #expect(room.state.dotsAskedOfTurnHolder == 3)
        room.type("/dots 1")
        #expect(room.state.dotsAskedOfTurnHolder == 2)
        room.send(.device(.dots(participant: "Ana", stories: [1, 2, 3], key: "k")))
        #expect(room.session.turnHolder == "Ana")
        #expect(room.state.dotsAskedOfTurnHolder == 0)
        room.type("/pass")
        #expect(room.state.dotsAskedOfTurnHolder == 3)
        room.type("/reveal")
        #expect(room.state.dotsAskedOfTurnHolder == 0)
        room.type("/goto 1")
        #expect(room.state.dotsAskedOfTurnHolder == 0)
    }

    @Test func revealShowsTheDotsBeforeEveryoneHasVoted() {
        var room = board()
        room.type("/dots 1 2 3")
        let effects = room.type("/reveal")
        #expect(effects == [write(.revealed)])
        #expect(room.session.revealed)
        #expect(room.message == .info("Dots revealed: the board is ranked by dots."))
        #expect(room.input == "")
        // Again: nothing more is journaled.
        #expect(room.type("/reveal").isEmpty)
        #expect(room.message == .info("The dots are already shown."))
        #expect(room.records.filter { $0.event == .revealed }.count == 1)
        room.expectReplayMatches()
    }

    /// The keyboard follows the devices' rule: after the reveal a vote would follow the
    /// room's counts, so `/dots` is refused, in the same words a phone gets.
    @Test func keyboardDotsAreRefusedAfterTheRevealAsADevicesAre() {
        var room = board()
        room.type("/dots 1 2 3")
        room.type("/reveal")
        room.type("/turn Ben")
        let totals = room.session.dotTotals
        #expect(room.type("/dots 2 2 2") == [.bell])
        #expect(room.message == .error("The dots are revealed: voting has closed."))
        #expect(room.input == "/dots 2 2 2")
        #expect(room.session.dotTotals == totals)
        #expect(room.session.turnHolder == "Ben")
        room.send(.device(.dots(participant: "Chi", stories: [1], key: "k")))
        #expect(room.state.deviceRefusals["k"] == "The dots are revealed: voting has closed.")
        room.expectReplayMatches()
    }

    /// A log written before the rule may hold dots placed after its reveal: the replay keeps
    /// them, since the refusal is in the step that records, never in `apply`.
    @Test func aLogWithDotsAfterARevealStillReplaysThem() {
        var session = board().session
        session.apply(Record(time: t0, event: .dotsPlaced(participant: "Ana", stories: [1, 2, 3], advancesTurn: true)))
        session.apply(Record(time: t0, event: .revealed))
        session.apply(Record(time: t0, event: .dotsPlaced(participant: "Ben", stories: [2, 2, 2], advancesTurn: true)))
        #expect(session.revealed)
        #expect(session.dotTotals == [1: 1, 2: 4, 3: 1])
        #expect(session.turnHolder == "Chi")
    }

    @Test func revealOutsidePlausibilityIsRefused() {
        var room = Room()
        room.type("/next")
        #expect(room.type("/reveal") == [.bell])
        #expect(room.message == .error("Dots are revealed in Plausibility over accuracy: /goto plausibility."))
        #expect(!room.session.revealed)
        #expect(room.input == "/reveal")
    }

    @Test func revealTakesNothingAfterIt() {
        #expect(CommandParser.parse("/reveal now") == .failure(CommandError("/reveal takes nothing after it: /reveal")))
        #expect(CommandParser.parse("/REVEAL") == .success(.command(.reveal)))
    }

    @Test func anAnonymousRoomIsRevealedByTheCountOfDotsItHas() {
        var room = board(anonymous: true)
        room.type("/dots 1 2 3")
        room.type("/dots 1 2 3")
        #expect(!room.session.revealed)
        let effects = room.type("/dots 3 3 3")
        #expect(effects == [write(.dotsPlaced(participant: nil, stories: [3, 3, 3], advancesTurn: false)), write(.revealed)])
        #expect(room.session.revealed)
        #expect(room.session.voted == [])
        // The journal keeps no names, yet its replay is revealed too: the record says so.
        #expect(room.replayed.revealed)
        room.expectReplayMatches()
    }

    @Test func aLatecomerDoesNotHideWhatTheRoomHasSeen() {
        var room = board()
        room.type("/dots 1 1 1")
        room.type("/dots 2 2 2")
        room.type("/dots 3 3 3")
        #expect(room.session.revealed)
        room.type("/join Dee")
        #expect(!room.session.everyoneHasPlacedAllDots)
        #expect(room.session.revealed)
    }
}
